package dev.gatehouse.engine.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The published vectors come from Huawei's API Gateway signing SDK for Python ("ApiGateway-python-sdk",
 * {@code apig_sdk} signer unit test, Copyright Huawei Technologies Co., Ltd. 2024-2025), whose
 * {@code test_CanonicalRequest}, {@code test_StringToSign}, {@code test_SignStringToSign} and
 * {@code test_AuthHeaderValue} give the expected strings checked here byte for byte.
 */
class AkSkSignerTest {

    private static final String HOST = "30030113-3657-4fb6-a7ef-90764239b038.apigw.cn-north-1.huaweicloud.com";

    @Test
    void canonicalRequestMatchesHuaweisPublishedExample() {
        // POST https://HOST/app1?a=1 with "x-stage: RELEASE" and body "body", signing x-stage only.
        String canonical = AkSkSigner.canonicalRequest("POST", "/app1", "a=1", new TreeMap<>(Map.of("x-stage", "RELEASE")),
                AkSkSigner.sha256Hex("body".getBytes(StandardCharsets.UTF_8)));

        assertThat(canonical).isEqualTo("POST\n/app1/\na=1\nx-stage:RELEASE\n\nx-stage\n"
                + "230d8358dc8e8890b4c58deeb62912ee2f20357ae92a5cc861b98e68fe31acb5");
    }

    @Test
    void stringToSignMatchesHuaweisPublishedExample() {
        // The published test hashes its canonical request as written in its source, indented by 12 spaces.
        String indent = " ".repeat(12);
        String canonical = "POST\n" + indent + "/app1%3Fa%3D1/\n" + indent + "a=1\n" + indent + "host:" + HOST + "\n"
                + indent + "x-sdk-date:20240326T030801Z\n" + indent + "x-stage:RELEASE\n" + indent + "\n"
                + indent + "host;x-sdk-date;x-stage\n" + indent
                + "230d8358dc8e8890b4c58deeb62912ee2f20357ae92a5cc861b98e68fe31acb5";

        assertThat(AkSkSigner.stringToSign(canonical, "20240326T030801Z")).isEqualTo("SDK-HMAC-SHA256\n20240326T030801Z\n"
                + "5847720941657701137ad8098b63585092cea7d982e14b2efd0a668460f2da2a");
    }

    @Test
    void signatureAndHeaderMatchHuaweisPublishedExample() {
        assertThat(AkSkSigner.signature("abc", "abc"))
                .isEqualTo("2f02e24ae2e1fe880399f27600afa88364e6062bf9bbe114b32fa8f23d03608a");
        assertThat(AkSkSigner.authorization("ABCDE12345", "host;x-sdk-date;x-stage", "abcdefghijklmnopqrst1234567890"))
                .isEqualTo("SDK-HMAC-SHA256 Access=ABCDE12345, SignedHeaders=host;x-sdk-date;x-stage, "
                        + "Signature=abcdefghijklmnopqrst1234567890");
    }

    @Test
    void signedRequestCarriesDateAndAuthorizationOverHostDateAndItsHeaders() {
        AkSkSigner signer = new AkSkSigner("ABCDE12345", "secret");
        Map<String, String> added = signer.sign("GET", URI.create("https://" + HOST + "/app1?b=2&a=1"),
                Map.of("X-Stage", "RELEASE"), new byte[0], Instant.parse("2024-03-26T03:08:01Z"));

        assertThat(added).containsEntry("X-Sdk-Date", "20240326T030801Z");
        String expectedCanonical = "GET\n/app1/\na=1&b=2\nhost:" + HOST + "\nx-sdk-date:20240326T030801Z\n"
                + "x-stage:RELEASE\n\nhost;x-sdk-date;x-stage\n" + AkSkSigner.sha256Hex(new byte[0]);
        String expected = AkSkSigner.signature(AkSkSigner.stringToSign(expectedCanonical, "20240326T030801Z"), "secret");
        assertThat(added.get("Authorization")).isEqualTo("SDK-HMAC-SHA256 Access=ABCDE12345, "
                + "SignedHeaders=host;x-sdk-date;x-stage, Signature=" + expected);
    }

    @Test
    void verifyAcceptsTheSignedRequestAndRefusesATamperedOne() {
        AkSkSigner signer = new AkSkSigner("AK", "SK");
        URI uri = URI.create("http://127.0.0.1:8080/v1/p/vpcs?limit=1");
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new HashMap<>(Map.of("content-type", "application/json"));
        signer.sign("POST", uri, headers, body, Instant.parse("2026-11-25T12:00:00Z"))
                .forEach((name, value) -> headers.put(name.toLowerCase(), value));
        headers.put("host", "127.0.0.1:8080");

        assertThat(signer.verify("POST", uri, headers, body)).isTrue();
        assertThat(signer.verify("POST", uri, headers, "{\"a\":2}".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(new AkSkSigner("AK", "other").verify("POST", uri, headers, body)).isFalse();
    }

    @Test
    void pathSegmentsAndQueryAreEncodedOnce() {
        String canonical = AkSkSigner.canonicalRequest("GET", "/v1/a%20b/c", "name=x%2Fy&flag", new TreeMap<>(),
                "h");
        assertThat(canonical).startsWith("GET\n/v1/a%20b/c/\nflag=&name=x%2Fy\n");
    }
}
