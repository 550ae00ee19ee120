package dev.gatehouse.engine.cloud;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Huawei Cloud's AK/SK request signing, {@code SDK-HMAC-SHA256}: a canonical request like AWS
 * SigV4's but with Huawei's own rules (the canonical path always ends in {@code /}, no credential
 * scope, the plain secret key signs), then {@code X-Sdk-Date} and {@code Authorization} headers.
 */
public final class AkSkSigner {

    static final String ALGORITHM = "SDK-HMAC-SHA256";
    static final DateTimeFormatter SDK_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final String accessKey;
    private final String secretKey;

    public AkSkSigner(String accessKey, String secretKey) {
        this.accessKey = requireNonNull(accessKey, "accessKey");
        this.secretKey = requireNonNull(secretKey, "secretKey");
    }

    /**
     * The headers to add to a request: {@code X-Sdk-Date} and {@code Authorization}, signing
     * {@code host}, {@code x-sdk-date} and every header in {@code headers}.
     */
    public Map<String, String> sign(String method, URI uri, Map<String, String> headers, byte[] body, Instant now) {
        String date = SDK_DATE.format(now);
        Map<String, String> signed = new TreeMap<>();
        headers.forEach((name, value) -> signed.put(name.toLowerCase(Locale.ROOT), value.trim()));
        signed.put("host", uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort());
        signed.put("x-sdk-date", date);
        String canonical = canonicalRequest(method, uri.getRawPath(), uri.getRawQuery(), signed, sha256Hex(body));
        String signature = signature(stringToSign(canonical, date), secretKey);
        Map<String, String> added = new LinkedHashMap<>();
        added.put("X-Sdk-Date", date);
        added.put("Authorization", authorization(accessKey, String.join(";", signed.keySet()), signature));
        return added;
    }

    /**
     * Checks a signed request as a server would (the cloud simulator does): the {@code Authorization}
     * header names this access key and its signature is that of the headers it names.
     *
     * @param headers every request header, names in lower case
     */
    public boolean verify(String method, URI uri, Map<String, String> headers, byte[] body) {
        String authorization = headers.get("authorization");
        String date = headers.get("x-sdk-date");
        String prefix = ALGORITHM + " Access=" + accessKey + ", SignedHeaders=";
        if (authorization == null || date == null || !authorization.startsWith(prefix)) {
            return false;
        }
        int comma = authorization.indexOf(", Signature=", prefix.length());
        if (comma < 0) {
            return false;
        }
        Map<String, String> signed = new TreeMap<>();
        for (String name : authorization.substring(prefix.length(), comma).split(";")) {
            String value = headers.get(name);
            if (value == null) {
                return false;
            }
            signed.put(name, value.trim());
        }
        String canonical = canonicalRequest(method, uri.getRawPath(), uri.getRawQuery(), signed, sha256Hex(body));
        String expected = signature(stringToSign(canonical, date), secretKey);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                authorization.substring(comma + ", Signature=".length()).getBytes(StandardCharsets.US_ASCII));
    }

    /** The canonical request of Huawei's signing guide; {@code headers} are lower-case, sorted and trimmed. */
    static String canonicalRequest(String method, String rawPath, String rawQuery, Map<String, String> headers,
                                   String payloadHash) {
        StringBuilder out = new StringBuilder(method.toUpperCase(Locale.ROOT)).append('\n');
        out.append(canonicalPath(rawPath)).append('\n');
        out.append(canonicalQuery(rawQuery)).append('\n');
        headers.forEach((name, value) -> out.append(name).append(':').append(value).append('\n'));
        out.append('\n').append(String.join(";", headers.keySet())).append('\n');
        return out.append(payloadHash).toString();
    }

    static String stringToSign(String canonicalRequest, String sdkDate) {
        return ALGORITHM + "\n" + sdkDate + "\n" + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    static String signature(String stringToSign, String secretKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    static String authorization(String accessKey, String signedHeaders, String signature) {
        return ALGORITHM + " Access=" + accessKey + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature;
    }

    static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Each segment decoded then encoded again (so it is encoded exactly once), ending in "/". */
    private static String canonicalPath(String rawPath) {
        String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/", -1)) {
            segments.add(encode(URLDecoder.decode(segment, StandardCharsets.UTF_8)));
        }
        String joined = String.join("/", segments);
        return joined.endsWith("/") ? joined : joined + "/";
    }

    /** Parameters sorted by name then value, each encoded; {@code a} with no value is {@code a=}. */
    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            pairs.add(encode(name) + "=" + encode(value));
        }
        pairs.sort(null);
        return String.join("&", pairs);
    }

    /** RFC 3986 unreserved characters stay, everything else is percent-encoded (space as %20). */
    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }
}
