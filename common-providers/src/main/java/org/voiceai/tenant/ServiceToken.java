package org.voiceai.tenant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.Environment;

/**
 * The shared bearer token FreeSWITCH and FusionPBX present: on every {@code /api/v1} request to voice-ai-service and
 * on every mod_audio_stream WebSocket handshake to voice-ai-realtime. Compared in constant time. Outside the embedded default
 * a missing token stops the service at start; the embedded default creates one in {@code $VOICE_AI_HOME/service.token}
 * so the README's run command works with no configuration.
 */
public final class ServiceToken {

	private static final Logger logger = LoggerFactory.getLogger(ServiceToken.class);

	private final byte[] token;

	private ServiceToken(String token) {
		this.token = token.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The token as both services configure it: {@code voice-ai.service.token} (VOICE_AI_SERVICE_TOKEN), or on the
	 * embedded default the one kept in {@code $VOICE_AI_HOME/service.token}.
	 */
	public static ServiceToken resolve(Environment environment) {
		boolean embedded = environment.getProperty("voice-ai.database.embedded", Boolean.class, false);
		Path home = Path.of(environment.getProperty("voice-ai.home", System.getProperty("user.home") + "/.voice-ai"));
		return resolve(environment.getProperty("voice-ai.service.token"), embedded, home);
	}

	/**
	 * The configured token, or in the embedded default the one stored in {@code home/service.token} (created at first
	 * start, so both services started from the README share it).
	 */
	public static ServiceToken resolve(String configured, boolean embeddedDefault, Path home) {
		if (configured != null && !configured.isBlank()) {
			if (configured.trim().length() < 16) {
				throw new IllegalStateException("VOICE_AI_SERVICE_TOKEN is too short: use at least 16 characters "
						+ "(e.g. openssl rand -hex 24)");
			}
			return new ServiceToken(configured.trim());
		}
		if (!embeddedDefault) {
			throw new IllegalStateException("VOICE_AI_SERVICE_TOKEN is not set. Every API call must carry "
					+ "'Authorization: Bearer <token>'; set the same token in FusionPBX (voice_secretary > service_token) "
					+ "and for FreeSWITCH's scripts. Generate one with: openssl rand -hex 24");
		}
		return new ServiceToken(readOrCreate(home.resolve("service.token")));
	}

	/** Whether {@code authorization} is "Bearer <our token>". */
	public boolean matches(String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return false;
		}
		byte[] offered = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
		return MessageDigest.isEqual(offered, this.token);
	}

	private static String readOrCreate(Path file) {
		try {
			if (Files.isRegularFile(file)) {
				return Files.readString(file, StandardCharsets.US_ASCII).trim();
			}
			byte[] random = new byte[24];
			new SecureRandom().nextBytes(random);
			String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
			Files.createDirectories(file.toAbsolutePath().getParent());
			try {
				Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			catch (FileAlreadyExistsException ex) {
				return Files.readString(file, StandardCharsets.US_ASCII).trim();
			}
			Files.writeString(file, token + "\n", StandardCharsets.US_ASCII);
			logger.warn("No VOICE_AI_SERVICE_TOKEN set: generated an API token for this embedded demo in {} "
					+ "(send it as 'Authorization: Bearer <token>')", file);
			return token;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the service token file " + file, ex);
		}
	}

	/** The token itself, for a client of the other service to send. */
	public String value() {
		return new String(this.token, StandardCharsets.UTF_8);
	}

	@Override
	public String toString() {
		return "ServiceToken[hidden]";
	}

}
