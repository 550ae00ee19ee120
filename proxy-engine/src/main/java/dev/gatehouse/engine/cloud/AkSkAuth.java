package dev.gatehouse.engine.cloud;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** Signs every request with an access key pair; a 401 is final (a signature does not expire). */
final class AkSkAuth implements RequestAuth {

    private final AkSkSigner signer;
    private final Clock clock;
    private final String projectId;

    AkSkAuth(CloudCredentials.AccessKey key, Clock clock, String projectId) {
        this.signer = new AkSkSigner(key.accessKey(), key.secretKey());
        this.clock = clock;
        this.projectId = projectId;
    }

    @Override
    public Map<String, String> headers(String method, URI uri, Map<String, String> headers, byte[] body) {
        // The project header is sent and signed: it goes into both maps.
        Map<String, String> added = new LinkedHashMap<>();
        if (projectId != null) {
            added.put("X-Project-Id", projectId);
        }
        Map<String, String> toSign = new LinkedHashMap<>(headers);
        toSign.putAll(added);
        added.putAll(signer.sign(method, uri, toSign, body, clock.instant()));
        return added;
    }

    @Override
    public boolean renewAfterRejection() {
        return false;
    }
}
