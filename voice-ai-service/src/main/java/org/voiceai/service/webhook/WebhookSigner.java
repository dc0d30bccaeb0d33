package org.voiceai.service.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs webhook bodies so a receiver can tell they come from us and were not replayed later:
 * {@code X-Voice-AI-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">}, where the timestamp is the
 * {@code X-Voice-AI-Timestamp} header (Unix seconds) of that attempt. The key is VOICE_AI_WEBHOOK_SECRET; without
 * one a random key is generated once into a file the operator gives to the receivers. It is deliberately never
 * derived from the service token, which would hand every webhook receiver full API access.
 */
public final class WebhookSigner {

	private static final Logger logger = LoggerFactory.getLogger(WebhookSigner.class);

	private static final String ALGORITHM = "HmacSHA256";

	private final SecretKeySpec key;

	WebhookSigner(String secret) {
		this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
	}

	/** The configured secret, else the one in {@code file}, created with a random value if missing. */
	static WebhookSigner resolve(String configured, Path file) {
		if (configured != null && !configured.isBlank()) {
			return new WebhookSigner(configured.trim());
		}
		return new WebhookSigner(readOrCreate(file));
	}

	/** The {@code X-Voice-AI-Signature} value for a body sent at {@code timestamp} (Unix seconds). */
	public String sign(long timestamp, String body) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
			return "sha256=" + HexFormat.of().formatHex(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is unavailable", ex);
		}
	}

	private static String readOrCreate(Path file) {
		try {
			if (Files.isRegularFile(file)) {
				return Files.readString(file, StandardCharsets.US_ASCII).trim();
			}
			byte[] random = new byte[32];
			new SecureRandom().nextBytes(random);
			String secret = HexFormat.of().formatHex(random);
			Files.createDirectories(file.toAbsolutePath().getParent());
			try {
				Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			catch (FileAlreadyExistsException ex) {
				return Files.readString(file, StandardCharsets.US_ASCII).trim();
			}
			Files.writeString(file, secret + "\n", StandardCharsets.US_ASCII);
			logger.warn("No VOICE_AI_WEBHOOK_SECRET set: generated the webhook signing secret in {}; give it to webhook "
					+ "receivers to verify X-Voice-AI-Signature, and set the same value on every instance", file);
			return secret;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the webhook signing secret file " + file, ex);
		}
	}

	@Override
	public String toString() {
		return "WebhookSigner[key hidden]";
	}

}
