package org.voiceai.service.webhook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The signing key's origin, the signature's form, and the retry schedule. */
class WebhookSignerTest {

	private static final String OPENSSL_DIGEST = "2a6dbdddc48c843ece7280324057b8494b57c62df4c7143aaa313b7e6fbbab2e";

	@Test
	void signsTimestampDotBodyAsHexHmacSha256() {
		// openssl: printf '1767225600.{"event":"call.ended"}' | openssl dgst -sha256 -hmac 'k3y'
		assertThat(new WebhookSigner("k3y").sign(1767225600L, "{\"event\":\"call.ended\"}"))
			.isEqualTo("sha256=" + OPENSSL_DIGEST);
		assertThat(new WebhookSigner("k3y").sign(1767225601L, "{\"event\":\"call.ended\"}"))
			.as("the timestamp is signed").isNotEqualTo("sha256=" + OPENSSL_DIGEST);
	}

	@Test
	void withoutAConfiguredSecretOneIsGeneratedOnceIntoAPrivateFile(@TempDir Path home) throws Exception {
		Path file = home.resolve("voice-ai/webhook.secret");
		WebhookSigner generated = WebhookSigner.resolve(null, file);
		String stored = Files.readString(file).trim();
		assertThat(stored).hasSize(64);
		assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
				PosixFilePermission.OWNER_WRITE);
		assertThat(WebhookSigner.resolve(" ", file).sign(1, "x")).isEqualTo(generated.sign(1, "x"))
			.isEqualTo(new WebhookSigner(stored).sign(1, "x"));
		assertThat(WebhookSigner.resolve("configured", file).sign(1, "x"))
			.isEqualTo(new WebhookSigner("configured").sign(1, "x"));
	}

	@Test
	void backoffStartsAtTheInitialWaitDoublesAndIsCapped() {
		WebhookProperties properties = new WebhookProperties(null, null, false, true, Duration.ofSeconds(2), 20, 4,
				Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofHours(1), 8);
		assertThat(properties.backoffAfter(1)).isEqualTo(Duration.ofSeconds(5));
		assertThat(properties.backoffAfter(2)).isEqualTo(Duration.ofSeconds(10));
		assertThat(properties.backoffAfter(7)).isEqualTo(Duration.ofSeconds(320));
		assertThat(properties.backoffAfter(11)).isEqualTo(Duration.ofHours(1));
		assertThat(properties.backoffAfter(1000)).isEqualTo(Duration.ofHours(1));
	}

}
