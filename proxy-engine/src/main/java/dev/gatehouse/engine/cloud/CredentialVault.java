package dev.gatehouse.engine.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Cloud credentials at rest under the state directory, each encrypted with AES-256-GCM (its name
 * bound as associated data, so entries cannot be swapped) by a key kept in a file only its owner
 * may read. Nothing secret is ever written in clear text; callers that want nothing stored at all
 * simply do not save (discovery can then read the SDK's environment variables instead).
 */
public final class CredentialVault {

    static final String KEY_FILE = "cloud-credentials.key";
    static final String STORE_FILE = "cloud-credentials.json";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Path dir;
    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    private CredentialVault(Path dir, SecretKey key) {
        this.dir = dir;
        this.key = key;
    }

    /** Opens the vault in {@code dir}, making the directory and a new key on first use. */
    public static CredentialVault open(Path dir) throws IOException {
        Files.createDirectories(dir);
        return new CredentialVault(dir, loadOrCreateKey(dir.resolve(KEY_FILE)));
    }

    public synchronized void save(String name, CloudCredentials credentials) throws IOException {
        ObjectNode store = read();
        store.set(name, encrypt(name, plain(credentials)));
        write(store);
    }

    public synchronized Optional<CloudCredentials> load(String name) throws IOException {
        JsonNode entry = read().get(name);
        return entry == null ? Optional.empty() : Optional.of(credentials(decrypt(name, entry)));
    }

    public synchronized void remove(String name) throws IOException {
        ObjectNode store = read();
        if (store.remove(name) != null) {
            write(store);
        }
    }

    public synchronized Set<String> names() throws IOException {
        Set<String> names = new TreeSet<>();
        read().fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static SecretKey loadOrCreateKey(Path file) throws IOException {
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!Files.exists(file)) {
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            try {
                if (posix) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                } else {
                    Files.createFile(file);
                }
                Files.write(file, Base64.getEncoder().encode(bytes));
            } catch (FileAlreadyExistsException raced) {
                // Another process made it first: use theirs.
            }
        }
        if (posix && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            throw new IOException("the key file " + file + " may be read by others ("
                    + PosixFilePermissions.toString(Files.getPosixFilePermissions(file))
                    + "); make it owner-only (chmod 600) or delete it and save the credentials again");
        }
        byte[] bytes = Base64.getDecoder().decode(Files.readString(file).trim());
        if (bytes.length != 32) {
            throw new IOException("the key file " + file + " does not hold a 256-bit key");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    private ObjectNode encrypt(String name, byte[] plain) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(name.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return CloudHttp.JSON.createObjectNode().put("iv", Base64.getEncoder().encodeToString(iv))
                    .put("data", Base64.getEncoder().encodeToString(sealed));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this JVM", e);
        }
    }

    private byte[] decrypt(String name, JsonNode entry) throws IOException {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key,
                    new GCMParameterSpec(TAG_BITS, Base64.getDecoder().decode(entry.path("iv").asText())));
            cipher.updateAAD(name.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(Base64.getDecoder().decode(entry.path("data").asText()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("the saved credentials \"" + name + "\" cannot be decrypted with " + dir.resolve(KEY_FILE)
                    + " (was the key file replaced?); save them again", e);
        }
    }

    private static byte[] plain(CloudCredentials credentials) {
        ObjectNode node = CloudHttp.JSON.createObjectNode();
        switch (credentials) {
            case CloudCredentials.Password p -> node.put("type", "password").put("domain", p.domain())
                    .put("user", p.user()).put("password", p.password());
            case CloudCredentials.AccessKey k -> node.put("type", "accessKey").put("accessKey", k.accessKey())
                    .put("secretKey", k.secretKey()).put("projectId", k.projectId());
        }
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static CloudCredentials credentials(byte[] plain) throws IOException {
        JsonNode node = CloudHttp.JSON.readTree(plain);
        return node.path("type").asText().equals("password")
                ? new CloudCredentials.Password(node.path("domain").asText(), node.path("user").asText(),
                        node.path("password").asText())
                : new CloudCredentials.AccessKey(node.path("accessKey").asText(), node.path("secretKey").asText(),
                        node.path("projectId").isNull() ? null : node.path("projectId").asText());
    }

    private ObjectNode read() throws IOException {
        Path file = dir.resolve(STORE_FILE);
        if (!Files.exists(file)) {
            return CloudHttp.JSON.createObjectNode();
        }
        JsonNode node = CloudHttp.JSON.readTree(file.toFile());
        if (!(node instanceof ObjectNode object)) {
            throw new IOException(file + " is not a credential store (expected a JSON object)");
        }
        return object;
    }

    private void write(ObjectNode store) throws IOException {
        Path file = dir.resolve(STORE_FILE);
        Path temp = file.resolveSibling(STORE_FILE + ".tmp");
        Files.writeString(temp, CloudHttp.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(store) + "\n");
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
