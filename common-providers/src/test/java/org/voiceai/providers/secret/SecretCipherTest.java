package org.voiceai.providers.secret;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import org.voiceai.tenant.DomainId;
import org.voiceai.testing.Php;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** AES-256-GCM secrets in the {@code enc:v1:} format, bound to the owning domain. */
class SecretCipherTest {

	static final byte[] KEY = sequence(32, 0);

	static final String KEY_BASE64 = Base64.getEncoder().encodeToString(KEY);

	static final DomainId DOMAIN = DomainId.parse("7c0f5e2a-1b4e-4c1d-9a3f-2b6d8e0a1c55");

	static final DomainId OTHER_DOMAIN = DomainId.parse("0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b");

	final SecretCipher cipher = new SecretCipher(KEY);

	@Test
	void decryptReturnsWhatWasEncrypted() {
		String encrypted = this.cipher.encrypt("sk-live-123", DOMAIN);

		assertThat(encrypted).doesNotContain("sk-live-123");
		assertThat(this.cipher.decrypt(encrypted, DOMAIN)).isEqualTo("sk-live-123");
	}

	@Test
	void roundTripKeepsUnicodeAndEmptyText() {
		String unicode = "chave-ção-€-\uD83D\uDD11";

		assertThat(this.cipher.decrypt(this.cipher.encrypt(unicode, DOMAIN), DOMAIN)).isEqualTo(unicode);
		assertThat(this.cipher.decrypt(this.cipher.encrypt("", DOMAIN), DOMAIN)).isEmpty();
	}

	@Test
	void anotherCipherWithTheSameKeyDecrypts() {
		String encrypted = this.cipher.encrypt("sk-live-123", DOMAIN);

		assertThat(SecretCipher.fromBase64(KEY_BASE64).decrypt(encrypted, DOMAIN)).isEqualTo("sk-live-123");
	}

	@Test
	void outputIsPrefixedBase64OfIvCiphertextAndTag() {
		String plaintext = "chave-ção";
		String encrypted = this.cipher.encrypt(plaintext, DOMAIN);

		assertThat(encrypted).startsWith("enc:v1:");
		byte[] packed = Base64.getDecoder().decode(encrypted.substring("enc:v1:".length()));
		assertThat(packed).hasSize(12 + plaintext.getBytes(StandardCharsets.UTF_8).length + 16);
	}

	@Test
	void twoEncryptionsOfTheSameTextDifferBecauseOfTheRandomIv() {
		String first = this.cipher.encrypt("sk-live-123", DOMAIN);
		String second = this.cipher.encrypt("sk-live-123", DOMAIN);

		assertThat(first).isNotEqualTo(second);
		assertThat(Arrays.copyOf(packed(first), 12)).isNotEqualTo(Arrays.copyOf(packed(second), 12));
	}

	@Test
	void valueFromAnotherDomainDoesNotDecrypt() {
		String encrypted = this.cipher.encrypt("sk-live-123", DOMAIN);

		assertThatThrownBy(() -> this.cipher.decrypt(encrypted, OTHER_DOMAIN))
			.isInstanceOf(SecretDecryptionException.class)
			.hasMessageContaining("authentication failed")
			.hasMessageNotContaining(encrypted)
			.hasMessageNotContaining("sk-live-123");
	}

	@Test
	void valueEncryptedWithAnotherKeyDoesNotDecrypt() {
		String encrypted = new SecretCipher(sequence(32, 100)).encrypt("sk-live-123", DOMAIN);

		assertThatThrownBy(() -> this.cipher.decrypt(encrypted, DOMAIN))
			.isInstanceOf(SecretDecryptionException.class)
			.hasMessageContaining("wrong VOICE_AI_SECRET_KEY");
	}

	@ParameterizedTest(name = "byte {0} flipped")
	@ValueSource(ints = { 0, 11, 12, 20, -16, -1 })
	void tamperedByteInIvCiphertextOrTagIsRejected(int position) {
		byte[] packed = packed(this.cipher.encrypt("sk-live-12345", DOMAIN));
		int index = (position < 0) ? packed.length + position : position;
		packed[index] ^= 0x01;
		String tampered = SecretCipher.PREFIX + Base64.getEncoder().encodeToString(packed);

		assertThatThrownBy(() -> this.cipher.decrypt(tampered, DOMAIN)).isInstanceOf(SecretDecryptionException.class)
			.hasMessageNotContaining(tampered);
	}

	@Test
	void truncatedValueIsRejected() {
		String encrypted = this.cipher.encrypt("sk-live-12345", DOMAIN);
		byte[] packed = packed(encrypted);
		String truncated = SecretCipher.PREFIX
				+ Base64.getEncoder().encodeToString(Arrays.copyOf(packed, packed.length - 1));

		assertThatThrownBy(() -> this.cipher.decrypt(truncated, DOMAIN))
			.isInstanceOf(SecretDecryptionException.class);
	}

	@Test
	void valueWithoutPrefixIsRejectedWithoutEchoingIt() {
		assertThatThrownBy(() -> this.cipher.decrypt("sk-plain-text-key", DOMAIN))
			.isInstanceOf(SecretDecryptionException.class)
			.hasMessage("value is not in the enc:v1: format");
	}

	@Test
	void prefixIsCaseSensitive() {
		String encrypted = this.cipher.encrypt("sk-live-123", DOMAIN);
		String upper = "ENC:V1:" + encrypted.substring(SecretCipher.PREFIX.length());

		assertThatThrownBy(() -> this.cipher.decrypt(upper, DOMAIN)).isInstanceOf(SecretDecryptionException.class)
			.hasMessage("value is not in the enc:v1: format");
	}

	@Test
	void invalidBase64IsRejectedWithoutEchoingIt() {
		String value = "enc:v1:sk*live*not~base64!";

		assertThatThrownBy(() -> this.cipher.decrypt(value, DOMAIN)).isInstanceOf(SecretDecryptionException.class)
			.hasMessage("value is not valid base64")
			.hasMessageNotContaining("sk*live");
	}

	@Test
	void valueShorterThanIvPlusTagIsRejectedWithoutEchoingIt() {
		String value = SecretCipher.PREFIX + Base64.getEncoder().encodeToString(sequence(27, 7));

		assertThatThrownBy(() -> this.cipher.decrypt(value, DOMAIN)).isInstanceOf(SecretDecryptionException.class)
			.hasMessage("value is too short to be AES-GCM output");
	}

	@Test
	void emptyPayloadAfterPrefixIsTooShort() {
		assertThatThrownBy(() -> this.cipher.decrypt("enc:v1:", DOMAIN)).isInstanceOf(SecretDecryptionException.class)
			.hasMessage("value is too short to be AES-GCM output");
	}

	@Test
	void isEncryptedRecognizesOnlyPrefixedStrings() {
		assertThat(SecretCipher.isEncrypted("enc:v1:AAAA")).isTrue();
		assertThat(SecretCipher.isEncrypted(this.cipher.encrypt("x", DOMAIN))).isTrue();
		assertThat(SecretCipher.isEncrypted("sk-live-123")).isFalse();
		assertThat(SecretCipher.isEncrypted("ENC:V1:AAAA")).isFalse();
		assertThat(SecretCipher.isEncrypted(" enc:v1:AAAA")).isFalse();
		assertThat(SecretCipher.isEncrypted(42)).isFalse();
		assertThat(SecretCipher.isEncrypted(null)).isFalse();
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({
			"api_key, true",
			"API_KEY, true",
			"deepgram_key, true",
			"groq_key, true",
			"Openai_Key, true",
			"password, true",
			"db_password, true",
			"PasswordHash, true",
			"access_token, true",
			"Refresh_Token, true",
			"client_secret, true",
			"secret, true",
			"credentials_json, true",
			"google_credentials, true",
			"model, false",
			"voice_id, false",
			"region, false",
			"base_url, false",
			"keywords, false",
			"max_tokens, false",
			"max_output_tokens, false",
			"token, true",
			"language, false",
			"key, false",
			"monkey, false",
			"keyboard_layout, false",
			"timeout_seconds, false" })
	void isSecretKeyFollowsTheNamingRule(String name, boolean secret) {
		assertThat(SecretCipher.isSecretKey(name)).isEqualTo(secret);
	}

	@Test
	void encryptSecretValuesEncryptsOnlyNonEmptySecretNamedStrings() {
		String alreadyEncrypted = this.cipher.encrypt("tok-existing", DOMAIN);
		Map<String, Object> nested = Map.of("client_secret", "inner-secret");
		Map<String, Object> config = new LinkedHashMap<>();
		config.put("api_key", "sk-live-123");
		config.put("model", "nova-3");
		config.put("password", "");
		config.put("access_token", alreadyEncrypted);
		config.put("timeout_seconds", 30);
		config.put("deepgram_key", 12345);
		config.put("credentials", nested);
		config.put("client_secret", null);
		config.put("db_password", "  ");
		Map<String, Object> original = new LinkedHashMap<>(config);

		Map<String, Object> result = this.cipher.encryptSecretValues(config, DOMAIN);

		assertThat(result.keySet()).containsExactly("api_key", "model", "password", "access_token", "timeout_seconds",
				"deepgram_key", "credentials", "client_secret", "db_password");
		assertThat((String) result.get("api_key")).startsWith(SecretCipher.PREFIX);
		assertThat(this.cipher.decrypt((String) result.get("api_key"), DOMAIN)).isEqualTo("sk-live-123");
		assertThat((String) result.get("db_password")).startsWith(SecretCipher.PREFIX);
		assertThat(this.cipher.decrypt((String) result.get("db_password"), DOMAIN)).isEqualTo("  ");
		assertThat(result.get("model")).isEqualTo("nova-3");
		assertThat(result.get("password")).isEqualTo("");
		assertThat(result.get("access_token")).isEqualTo(alreadyEncrypted);
		assertThat(result.get("timeout_seconds")).isEqualTo(30);
		assertThat(result.get("deepgram_key")).isEqualTo(12345);
		assertThat(result.get("credentials")).isSameAs(nested);
		assertThat(result).containsEntry("client_secret", null);
		assertThat(config).isEqualTo(original);
	}

	@Test
	void encryptSecretValuesBindsValuesToTheGivenDomain() {
		Map<String, Object> result = this.cipher.encryptSecretValues(Map.of("api_key", "sk-live-123"), DOMAIN);

		assertThatThrownBy(() -> this.cipher.decrypt((String) result.get("api_key"), OTHER_DOMAIN))
			.isInstanceOf(SecretDecryptionException.class);
	}

	@Test
	void fromBase64AcceptsSurroundingWhitespace() {
		String encrypted = this.cipher.encrypt("sk-live-123", DOMAIN);

		assertThat(SecretCipher.fromBase64("  " + KEY_BASE64 + "\n").decrypt(encrypted, DOMAIN))
			.isEqualTo("sk-live-123");
	}

	@Test
	void fromBase64RejectsA31ByteKeyWithoutShowingIt() {
		String shortKey = Base64.getEncoder().encodeToString(sequence(31, 50));

		assertThatIllegalArgumentException().isThrownBy(() -> SecretCipher.fromBase64(shortKey))
			.withMessage("The secret key must decode to 32 bytes, got 31")
			.withMessageNotContaining(shortKey);
	}

	@Test
	void fromBase64RejectsA33ByteKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SecretCipher.fromBase64(Base64.getEncoder().encodeToString(sequence(33, 0))))
			.withMessage("The secret key must decode to 32 bytes, got 33");
	}

	@Test
	void fromBase64RejectsTextThatIsNotBase64WithoutShowingIt() {
		String notBase64 = "my-secret-passphrase!";

		assertThatIllegalArgumentException().isThrownBy(() -> SecretCipher.fromBase64(notBase64))
			.withMessage("The secret key is not valid base64")
			.withMessageNotContaining(notBase64)
			.withNoCause();
	}

	@Test
	void constructorRejectsKeysThatAreNot32Bytes() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SecretCipher(sequence(31, 0)))
			.withMessageContaining("32 bytes");
		assertThatIllegalArgumentException().isThrownBy(() -> new SecretCipher(sequence(16, 0)))
			.withMessageContaining("32 bytes");
		assertThatIllegalArgumentException().isThrownBy(() -> new SecretCipher(null))
			.withMessageContaining("32 bytes");
	}

	@Test
	void changingTheCallersKeyArrayAfterwardsDoesNotAffectTheCipher() {
		byte[] key = sequence(32, 0);
		SecretCipher own = new SecretCipher(key);
		Arrays.fill(key, (byte) 0);

		assertThat(this.cipher.decrypt(own.encrypt("sk-live-123", DOMAIN), DOMAIN)).isEqualTo("sk-live-123");
	}

	@Test
	void toStringHidesTheKey() {
		String text = SecretCipher.fromBase64(KEY_BASE64).toString();

		assertThat(text).isEqualTo("SecretCipher[AES-256-GCM, key hidden]");
		for (String part : List.of(KEY_BASE64, KEY_BASE64.substring(0, 8), Arrays.toString(KEY))) {
			assertThat(text).doesNotContain(part);
		}
	}

	@Test
	void phpEncryptedValueDecryptsInJava() {
		Php.assumeAvailable();
		String plaintext = "sk-from-php-ção-€";

		String encrypted = php("echo $s->encrypt(base64_decode('" + base64(plaintext) + "'), '" + DOMAIN + "');");

		assertThat(encrypted).startsWith(SecretCipher.PREFIX);
		assertThat(packed(encrypted)).hasSize(12 + plaintext.getBytes(StandardCharsets.UTF_8).length + 16);
		assertThat(this.cipher.decrypt(encrypted, DOMAIN)).isEqualTo(plaintext);
		assertThatThrownBy(() -> this.cipher.decrypt(encrypted, OTHER_DOMAIN))
			.isInstanceOf(SecretDecryptionException.class);
	}

	@Test
	void phpNormalizesAnUpperCaseDomainUuidLikeJava() {
		Php.assumeAvailable();

		String encrypted = php(
				"echo $s->encrypt('sk-upper-domain', '" + DOMAIN.toString().toUpperCase(Locale.ROOT) + "');");

		assertThat(this.cipher.decrypt(encrypted, DOMAIN)).isEqualTo("sk-upper-domain");
	}

	@Test
	void javaEncryptedValueDecryptsInPhp() {
		Php.assumeAvailable();
		String plaintext = "sk-from-java-ção-€";
		String encrypted = this.cipher.encrypt(plaintext, DOMAIN);

		String decrypted = php("echo base64_encode($s->decrypt('" + encrypted + "', '" + DOMAIN + "'));");

		assertThat(new String(Base64.getDecoder().decode(decrypted), StandardCharsets.UTF_8)).isEqualTo(plaintext);
	}

	@Test
	void javaEncryptedValueForAnotherDomainIsRejectedByPhp() {
		Php.assumeAvailable();
		String encrypted = this.cipher.encrypt("sk-from-java", DOMAIN);

		String outcome = php("try { $s->decrypt('" + encrypted + "', '" + OTHER_DOMAIN
				+ "'); echo 'decrypted'; } catch (RuntimeException $e) { echo 'rejected'; }");

		assertThat(outcome).isEqualTo("rejected");
	}

	@Test
	void phpAndJavaAgreeOnWhichNamesAreSecrets() {
		Php.assumeAvailable();
		List<String> names = List.of("api_key", "API_KEY", "deepgram_key", "groq_key", "password", "db_password",
				"access_token", "Refresh_Token", "client_secret", "credentials_json", "SecretName", "model", "voice_id",
				"region", "base_url", "keywords", "max_tokens", "token", "language", "key", "monkey", "keyboard_layout", "timeout_seconds",
				"api_keys", "passwd");
		String phpNames = names.stream().map((name) -> "'" + name + "'").collect(Collectors.joining(","));

		String json = php("$r = []; foreach ([" + phpNames + "] as $n) { $r[$n] = voice_ai_secrets::is_secret_key($n); }"
				+ " echo json_encode($r);");

		Map<String, Boolean> fromPhp = new ObjectMapper().readValue(json, new TypeReference<Map<String, Boolean>>() {
		});
		Map<String, Boolean> fromJava = new LinkedHashMap<>();
		names.forEach((name) -> fromJava.put(name, SecretCipher.isSecretKey(name)));
		assertThat(fromPhp).containsExactlyEntriesOf(fromJava);
		assertThat(fromJava).containsEntry("api_key", true).containsEntry("keywords", false);
	}

	@Test
	void phpEncryptConfigAndJavaEncryptSecretValuesEncryptTheSameKeys() {
		Php.assumeAvailable();
		String json = php("$c = $s->encrypt_config(['api_key' => 'sk-1', 'model' => 'nova-3', 'password' => '',"
				+ " 'access_token' => 'tok', 'timeout_seconds' => 30, 'deepgram_key' => 7, 'keywords' => 'a,b'], '"
				+ DOMAIN + "'); echo json_encode($c);");

		Map<String, Object> fromPhp = new ObjectMapper().readValue(json, new TypeReference<Map<String, Object>>() {
		});
		assertThat(fromPhp.keySet()).containsExactly("api_key", "model", "password", "access_token", "timeout_seconds",
				"deepgram_key", "keywords");
		Map<String, Object> fromJava = this.cipher.encryptSecretValues(Map.of("api_key", "sk-1", "model", "nova-3",
				"password", "", "access_token", "tok", "timeout_seconds", 30, "deepgram_key", 7, "keywords", "a,b"),
				DOMAIN);
		fromPhp.forEach((name, value) -> assertThat(SecretCipher.isEncrypted(value))
			.as(name)
			.isEqualTo(SecretCipher.isEncrypted(fromJava.get(name))));
		assertThat(this.cipher.decrypt((String) fromPhp.get("api_key"), DOMAIN)).isEqualTo("sk-1");
		assertThat(this.cipher.decrypt((String) fromPhp.get("access_token"), DOMAIN)).isEqualTo("tok");
		assertThat(fromPhp).containsEntry("model", "nova-3").containsEntry("password", "").containsEntry("keywords", "a,b");
	}

	/** Runs PHP with {@code $s} set to the PHP secrets class holding {@link #KEY}; returns the trimmed output. */
	private static String php(String code) {
		return Php.run("require 'fusionpbx-app/voice_secretary/resources/classes/voice_ai_secrets.php';"
				+ "$s = new voice_ai_secrets('" + KEY_BASE64 + "');" + code).trim();
	}

	private static String base64(String text) {
		return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	static byte[] sequence(int length, int start) {
		byte[] bytes = new byte[length];
		for (int i = 0; i < length; i++) {
			bytes[i] = (byte) (start + i);
		}
		return bytes;
	}

	private static byte[] packed(String encrypted) {
		return Base64.getDecoder().decode(encrypted.substring(SecretCipher.PREFIX.length()));
	}

}
