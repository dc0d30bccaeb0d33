package org.voiceai.providers.secret;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.voiceai.tenant.DomainId;

/**
 * Encrypts provider secrets (API keys, tokens) stored in {@code v_voice_ai_providers.config}.
 * <p>
 * Format, shared with the FusionPBX app ({@code voice_ai_secrets.php}, which uses {@code openssl_encrypt}):
 * {@code "enc:v1:" + base64(iv || ciphertext || tag)} with AES-256-GCM, a random 12-byte IV, a 16-byte tag, and the
 * owning row's {@code domain_uuid} (lower-case text) as additional authenticated data, so a ciphertext copied into
 * another domain's row does not decrypt. The key is 32 bytes, given base64-encoded (VOICE_AI_SECRET_KEY).
 */
public final class SecretCipher {

	public static final String PREFIX = "enc:v1:";

	private static final String TRANSFORMATION = "AES/GCM/NoPadding";

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKeySpec key;

	private final SecureRandom random = new SecureRandom();

	public SecretCipher(byte[] key) {
		if (key == null || key.length != 32) {
			throw new IllegalArgumentException("The secret key must be 32 bytes (AES-256)");
		}
		this.key = new SecretKeySpec(key.clone(), "AES");
	}

	/** Cipher for a base64-encoded 32-byte key, e.g. the output of {@code openssl rand -base64 32}. */
	public static SecretCipher fromBase64(String base64Key) {
		byte[] decoded;
		try {
			decoded = Base64.getDecoder().decode(base64Key.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("The secret key is not valid base64");
		}
		if (decoded.length != 32) {
			throw new IllegalArgumentException("The secret key must decode to 32 bytes, got " + decoded.length);
		}
		return new SecretCipher(decoded);
	}

	/** Whether a config value is in the encrypted format (and so must be decrypted before use). */
	public static boolean isEncrypted(Object value) {
		return value instanceof String text && text.startsWith(PREFIX);
	}

	/**
	 * Whether a config key holds a secret by its name: {@code api_key}, {@code password}, anything ending in
	 * {@code _key}, or containing {@code secret}, {@code password}, {@code credentials} or {@code token} (but not
	 * {@code tokens}, as in {@code max_tokens}). The PHP side applies the same rule.
	 */
	public static boolean isSecretKey(String name) {
		String key = name.toLowerCase(Locale.ROOT);
		return key.equals("api_key") || key.equals("password") || key.endsWith("_key") || key.contains("secret")
				|| key.contains("password") || key.contains("credentials")
				|| (key.contains("token") && !key.contains("tokens"));
	}

	public String encrypt(String plaintext, DomainId domain) {
		byte[] iv = new byte[IV_BYTES];
		this.random.nextBytes(iv);
		try {
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, domain);
			byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			ByteBuffer out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed);
			return PREFIX + Base64.getEncoder().encodeToString(out.array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM encryption failed", ex);
		}
	}

	/**
	 * Decrypts a value produced by {@link #encrypt} (or by the PHP app) for the same domain.
	 * @throws SecretDecryptionException when the value is malformed, the key is wrong, the value was tampered with, or
	 * it belongs to another domain; the message never contains the value
	 */
	public String decrypt(String value, DomainId domain) {
		if (!isEncrypted(value)) {
			throw new SecretDecryptionException("value is not in the enc:v1: format");
		}
		byte[] packed;
		try {
			packed = Base64.getDecoder().decode(value.substring(PREFIX.length()));
		}
		catch (IllegalArgumentException ex) {
			throw new SecretDecryptionException("value is not valid base64");
		}
		if (packed.length < IV_BYTES + TAG_BITS / 8) {
			throw new SecretDecryptionException("value is too short to be AES-GCM output");
		}
		try {
			Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(packed, IV_BYTES), domain);
			byte[] plain = cipher.doFinal(packed, IV_BYTES, packed.length - IV_BYTES);
			return new String(plain, StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new SecretDecryptionException(
					"authentication failed (wrong VOICE_AI_SECRET_KEY, tampered value, or a value from another domain)");
		}
	}

	/** A copy of {@code config} whose secret-named string values are encrypted; encrypted values stay as they are. */
	public Map<String, Object> encryptSecretValues(Map<String, Object> config, DomainId domain) {
		Map<String, Object> result = new LinkedHashMap<>();
		config.forEach((name, value) -> {
			boolean encrypt = value instanceof String text && !text.isEmpty() && isSecretKey(name) && !isEncrypted(text);
			result.put(name, encrypt ? encrypt((String) value, domain) : value);
		});
		return result;
	}

	private Cipher cipher(int mode, byte[] iv, DomainId domain) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance(TRANSFORMATION);
		cipher.init(mode, this.key, new GCMParameterSpec(TAG_BITS, iv));
		cipher.updateAAD(domain.value().toString().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
		return cipher;
	}

	@Override
	public String toString() {
		return "SecretCipher[AES-256-GCM, key hidden]";
	}

}
