package org.voiceai.providers;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.voiceai.providers.secret.SecretCipher;
import org.voiceai.tenant.DomainId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Typed, validating access to a provider row's {@code config} JSON. */
class ProviderConfigTest {

	static final DomainId DOMAIN = DomainId.parse("7c0f5e2a-1b4e-4c1d-9a3f-2b6d8e0a1c55");

	static final DomainId OTHER_DOMAIN = DomainId.parse("0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b");

	static final UUID ROW = UUID.fromString("1b4e28ba-2fa1-41d2-883f-0016d3cca427");

	static final ProviderContext CONTEXT = new ProviderContext(DOMAIN, ProviderType.STT, ROW, "deepgram");

	static final String PREFIX = "Provider 'deepgram' (stt, row " + ROW + ") in domain " + DOMAIN + ": ";

	final SecretCipher cipher = new SecretCipher(key(0));

	@Test
	void stringIsTrimmedAndEmptyWhenAbsentNullOrBlank() {
		Map<String, Object> values = new HashMap<>();
		values.put("model", "  nova-3 ");
		values.put("language", null);
		values.put("region", "   ");
		ProviderConfig config = config(values);

		assertThat(config.string("model")).contains("nova-3");
		assertThat(config.string("language")).isEmpty();
		assertThat(config.string("region")).isEmpty();
		assertThat(config.string("absent")).isEmpty();
		assertThat(config.has("model")).isTrue();
		assertThat(config.has("language")).isFalse();
		assertThat(config.has("region")).isFalse();
		assertThat(config.has("absent")).isFalse();
		assertThat(config.keys()).containsExactlyInAnyOrder("model", "language", "region");
	}

	@Test
	void nonStringScalarsAreReadAsText() {
		ProviderConfig config = config(Map.of("timeout", 30, "temperature", 0.5, "smart_format", true));

		assertThat(config.string("timeout")).contains("30");
		assertThat(config.string("temperature")).contains("0.5");
		assertThat(config.string("smart_format")).contains("true");
	}

	@Test
	void stringWithDefaultUsesTheDefaultOnlyWhenAbsentOrBlank() {
		ProviderConfig config = config(Map.of("model", "nova-3", "voice", " "));

		assertThat(config.string("model", "nova-2")).isEqualTo("nova-3");
		assertThat(config.string("voice", "alloy")).isEqualTo("alloy");
		assertThat(config.string("absent", "fallback")).isEqualTo("fallback");
		assertThat(config.string("absent", null)).isNull();
	}

	@Test
	void requireStringReturnsThePresentValue() {
		assertThat(config(Map.of("model", " nova-3 ")).requireString("model")).isEqualTo("nova-3");
	}

	@Test
	void requireStringFailsNamingDomainRowProviderAndKey() {
		ProviderConfig config = config(Map.of("model", ""));

		assertThatThrownBy(() -> config.requireString("model")).isInstanceOfSatisfying(ProviderConfigException.class,
				(ex) -> {
					assertThat(ex).hasMessage(PREFIX + "config key 'model' is missing");
					assertThat(ex.key()).isEqualTo("model");
					assertThat(ex.context()).isEqualTo(CONTEXT);
				});
	}

	@Test
	void integerParsesNumbersAndLenientStrings() {
		ProviderConfig config = config(Map.of("a", "42", "b", 7, "c", " -3 ", "d", "3.0", "e", "1e3", "f", 12L));

		assertThat(config.integer("a", 0)).isEqualTo(42);
		assertThat(config.integer("b", 0)).isEqualTo(7);
		assertThat(config.integer("c", 0)).isEqualTo(-3);
		assertThat(config.integer("d", 0)).isEqualTo(3);
		assertThat(config.integer("e", 0)).isEqualTo(1000);
		assertThat(config.integer("f", 0)).isEqualTo(12);
	}

	@Test
	void integerUsesTheDefaultWhenAbsentOrBlank() {
		ProviderConfig config = config(Map.of("timeout", "  "));

		assertThat(config.integer("timeout", 15)).isEqualTo(15);
		assertThat(config.integer("absent", -1)).isEqualTo(-1);
	}

	@Test
	void integerRejectsTextNamingDomainProviderKeyAndValue() {
		ProviderConfig config = config(Map.of("timeout", "soon"));

		assertThatThrownBy(() -> config.integer("timeout", 10)).isInstanceOf(ProviderConfigException.class)
			.hasMessage(PREFIX + "config key 'timeout' must be a whole number, got 'soon'")
			.hasMessageContaining(DOMAIN.toString())
			.hasMessageContaining("deepgram");
	}

	@ParameterizedTest
	@ValueSource(strings = { "1.5", "99999999999", "0x10", "12abc" })
	void integerRejectsFractionsOverflowAndJunk(String text) {
		ProviderConfig config = config(Map.of("max_retries", text));

		assertThatThrownBy(() -> config.integer("max_retries", 10)).isInstanceOf(ProviderConfigException.class)
			.hasMessageEndingWith("config key 'max_retries' must be a whole number, got '" + text + "'");
	}

	@Test
	void decimalParsesNumbersAndLenientStrings() {
		ProviderConfig config = config(Map.of("a", "0.5", "b", 0.25, "c", 2, "d", " -1.75 "));

		assertThat(config.decimal("a", 0)).isEqualTo(0.5);
		assertThat(config.decimal("b", 0)).isEqualTo(0.25);
		assertThat(config.decimal("c", 0)).isEqualTo(2.0);
		assertThat(config.decimal("d", 0)).isEqualTo(-1.75);
		assertThat(config.decimal("absent", 0.7)).isEqualTo(0.7);
	}

	@Test
	void decimalRejectsText() {
		ProviderConfig config = config(Map.of("temperature", "warm"));

		assertThatThrownBy(() -> config.decimal("temperature", 0.7)).isInstanceOf(ProviderConfigException.class)
			.hasMessage(PREFIX + "config key 'temperature' must be a number, got 'warm'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "true", "TRUE", "t", "1", "yes", "On", " on " })
	void boolAcceptsTrueSpellings(String text) {
		assertThat(config(Map.of("flag", text)).bool("flag", false)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "false", "FALSE", "f", "0", "no", "Off" })
	void boolAcceptsFalseSpellings(String text) {
		assertThat(config(Map.of("flag", text)).bool("flag", true)).isFalse();
	}

	@Test
	void boolReadsJsonBooleansAndUsesTheDefaultWhenAbsentOrBlank() {
		ProviderConfig config = config(Map.of("on", true, "off", false, "blank", ""));

		assertThat(config.bool("on", false)).isTrue();
		assertThat(config.bool("off", true)).isFalse();
		assertThat(config.bool("blank", true)).isTrue();
		assertThat(config.bool("blank", false)).isFalse();
		assertThat(config.bool("absent", true)).isTrue();
	}

	@Test
	void boolRejectsOtherWords() {
		ProviderConfig config = config(Map.of("smart_format", "maybe"));

		assertThatThrownBy(() -> config.bool("smart_format", false)).isInstanceOf(ProviderConfigException.class)
			.hasMessage(PREFIX + "config key 'smart_format' must be true or false, got 'maybe'");
	}

	@Test
	void badValueOfASecretNamedKeyIsShownAsStars() {
		ProviderConfig config = config(
				Map.of("api_key", "sk-live-123", "access_token", "tok-abc-999", "client_secret", "cs-777"));

		assertThatThrownBy(() -> config.integer("api_key", 0)).isInstanceOf(ProviderConfigException.class)
			.hasMessageEndingWith("config key 'api_key' must be a whole number, got '***'")
			.hasMessageNotContaining("sk-live-123");
		assertThatThrownBy(() -> config.bool("access_token", false)).isInstanceOf(ProviderConfigException.class)
			.hasMessageEndingWith("config key 'access_token' must be true or false, got '***'")
			.hasMessageNotContaining("tok-abc-999");
		assertThatThrownBy(() -> config.decimal("client_secret", 0)).isInstanceOf(ProviderConfigException.class)
			.hasMessageEndingWith("config key 'client_secret' must be a number, got '***'")
			.hasMessageNotContaining("cs-777");
	}

	@Test
	void badEncryptedSecretIsShownAsStarsNotDecrypted() {
		ProviderConfig config = config(Map.of("groq_key", this.cipher.encrypt("gsk-plain-value", DOMAIN)));

		assertThatThrownBy(() -> config.integer("groq_key", 0)).isInstanceOf(ProviderConfigException.class)
			.hasMessageEndingWith("got '***'")
			.hasMessageNotContaining("gsk-plain-value");
	}

	@Test
	void secondsAcceptsFractionsAndWholeNumbers() {
		ProviderConfig config = config(Map.of("timeout", "1.5", "connect", 2, "tiny", "0.25"));

		assertThat(config.seconds("timeout", Duration.ZERO)).isEqualTo(Duration.ofMillis(1500));
		assertThat(config.seconds("connect", Duration.ZERO)).isEqualTo(Duration.ofSeconds(2));
		assertThat(config.seconds("tiny", Duration.ZERO)).isEqualTo(Duration.ofMillis(250));
	}

	@Test
	void secondsUsesTheDefaultWhenAbsentOrBlank() {
		ProviderConfig config = config(Map.of("timeout", " "));

		assertThat(config.seconds("timeout", Duration.ofSeconds(9))).isEqualTo(Duration.ofSeconds(9));
		assertThat(config.seconds("absent", Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "-1", "-0.5", "NaN", "Infinity", "0.0004", "86401" })
	void secondsRejectsValuesThatAreNotAPositiveDurationOfAtMostADay(String text) {
		ProviderConfig config = config(Map.of("timeout", text));

		assertThatThrownBy(() -> config.seconds("timeout", Duration.ofSeconds(5)))
			.isInstanceOf(ProviderConfigException.class)
			.hasMessage(PREFIX + "config key 'timeout' must be a positive number of seconds, at most one day");
	}

	@Test
	void secondsRejectsText() {
		ProviderConfig config = config(Map.of("timeout", "soon"));

		assertThatThrownBy(() -> config.seconds("timeout", Duration.ofSeconds(5)))
			.isInstanceOf(ProviderConfigException.class)
			.hasMessageEndingWith("config key 'timeout' must be a number, got 'soon'");
	}

	@Test
	void encryptedValuesAreDecryptedForTheContextsDomain() {
		ProviderConfig config = config(Map.of("api_key", this.cipher.encrypt("  sk-live-123 ", DOMAIN), "timeout",
				this.cipher.encrypt("12", DOMAIN)));

		assertThat(config.requireString("api_key")).isEqualTo("sk-live-123");
		assertThat(config.has("api_key")).isTrue();
		assertThat(config.integer("timeout", 0)).isEqualTo(12);
	}

	@Test
	void encryptedBlankValueCountsAsAbsent() {
		ProviderConfig config = config(Map.of("api_key", this.cipher.encrypt("   ", DOMAIN)));

		assertThat(config.has("api_key")).isFalse();
		assertThat(config.string("api_key", "default")).isEqualTo("default");
	}

	@Test
	void encryptedValueFromAnotherDomainCannotBeDecrypted() {
		String stolen = this.cipher.encrypt("sk-other-tenant", OTHER_DOMAIN);
		ProviderConfig config = config(Map.of("api_key", stolen));

		assertThatThrownBy(() -> config.requireString("api_key")).isInstanceOfSatisfying(ProviderConfigException.class,
				(ex) -> {
					assertThat(ex).hasMessageStartingWith(PREFIX + "config key 'api_key' cannot be decrypted: ")
						.hasMessageNotContaining(stolen)
						.hasMessageNotContaining("sk-other-tenant");
					assertThat(ex.key()).isEqualTo("api_key");
				});
	}

	@Test
	void encryptedValueWithAnotherKeyCannotBeDecrypted() {
		String foreign = new SecretCipher(key(64)).encrypt("sk-live-123", DOMAIN);
		ProviderConfig config = config(Map.of("api_key", foreign));

		assertThatThrownBy(() -> config.has("api_key")).isInstanceOf(ProviderConfigException.class)
			.hasMessageContaining("config key 'api_key' cannot be decrypted")
			.hasMessageNotContaining(foreign);
	}

	@Test
	void nestedObjectsAndArraysAreRejected() {
		ProviderConfig config = config(Map.of("options", Map.of("a", 1), "keywords", List.of("x", "y")));

		assertThatThrownBy(() -> config.string("options")).isInstanceOf(ProviderConfigException.class)
			.hasMessage(PREFIX + "config key 'options' must be a single value, not a JSON object or array");
		assertThatThrownBy(() -> config.integer("options", 1)).isInstanceOf(ProviderConfigException.class)
			.hasMessageContaining("config key 'options' must be a single value");
		assertThatThrownBy(() -> config.string("keywords", "")).isInstanceOf(ProviderConfigException.class)
			.hasMessageContaining("config key 'keywords' must be a single value");
	}

	@Test
	void urlRemovesTheTrailingSlash() {
		ProviderConfig config = config(Map.of("base_url", " https://api.deepgram.com/v1/ ", "ws", "wss://rt.example.com"));

		assertThat(config.url("base_url", null)).isEqualTo(URI.create("https://api.deepgram.com/v1"));
		assertThat(config.url("ws", null)).isEqualTo(URI.create("wss://rt.example.com"));
	}

	@Test
	void urlAcceptsHttpAndWsSchemesInAnyCase() {
		ProviderConfig config = config(Map.of("a", "http://localhost:8080/", "b", "ws://10.0.0.1:9000/rt", "c",
				"HTTPS://Example.com"));

		assertThat(config.url("a", null)).isEqualTo(URI.create("http://localhost:8080"));
		assertThat(config.url("b", null).getPort()).isEqualTo(9000);
		assertThat(config.url("c", null).getHost()).isEqualTo("Example.com");
	}

	@Test
	void urlUsesTheDefaultWhenAbsentAndValidatesItToo() {
		ProviderConfig config = config(Map.of());

		assertThat(config.url("base_url", "https://api.openai.com/v1/")).isEqualTo(URI.create("https://api.openai.com/v1"));
		assertThatThrownBy(() -> config.url("base_url", "ftp://x.example.com"))
			.isInstanceOf(ProviderConfigException.class);
	}

	@Test
	void urlWithoutValueOrDefaultIsMissing() {
		assertThatThrownBy(() -> config(Map.of("base_url", "")).url("base_url", null))
			.isInstanceOf(ProviderConfigException.class)
			.hasMessage(PREFIX + "config key 'base_url' is missing");
	}

	@Test
	void urlRejectsOtherSchemes() {
		ProviderConfig config = config(Map.of("base_url", "ftp://files.example.com"));

		assertThatThrownBy(() -> config.url("base_url", null)).isInstanceOf(ProviderConfigException.class)
			.hasMessage(PREFIX
					+ "config key 'base_url' must be an absolute http(s) or ws(s) URL, got 'ftp://files.example.com'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "https:///v1", "api.example.com/v1", "/v1/listen", "http://", "mailto:ops@example.com" })
	void urlRejectsValuesWithoutSchemeOrHost(String text) {
		ProviderConfig config = config(Map.of("base_url", text));

		assertThatThrownBy(() -> config.url("base_url", null)).isInstanceOf(ProviderConfigException.class)
			.hasMessageContaining("config key 'base_url' must be an absolute http(s) or ws(s) URL");
	}

	@Test
	void aBadUrlUnderASecretKeyIsNotEchoed() {
		ProviderConfig config = config(Map.of("token_url", "ftp://user:pw@files.example.com"));

		assertThatThrownBy(() -> config.url("token_url", null)).isInstanceOf(ProviderConfigException.class)
			.hasMessageEndingWith("config key 'token_url' must be an absolute http(s) or ws(s) URL, got '***'");
	}

	@Test
	void urlThatDoesNotParseIsReported() {
		ProviderConfig config = config(Map.of("base_url", "http://exa mple.com"));

		assertThatThrownBy(() -> config.url("base_url", null)).isInstanceOf(ProviderConfigException.class)
			.hasMessageStartingWith(PREFIX + "config key 'base_url' is not a valid URL: ");
	}

	@Test
	void problemLetsFactoriesReportTheirOwnValidation() {
		ProviderConfigException ex = config(Map.of()).problem("mode", "must be ok or fail");

		assertThat(ex).hasMessage(PREFIX + "config key 'mode' must be ok or fail");
		assertThat(ex.key()).isEqualTo("mode");
	}

	@Test
	void exceptionWithoutKeyOrRowDescribesTheProviderOnly() {
		ProviderContext context = new ProviderContext(DOMAIN, ProviderType.TTS, null, "acme");

		ProviderConfigException ex = new ProviderConfigException(context, null, "unknown provider_name");

		assertThat(ex).hasMessage("Provider 'acme' (tts) in domain " + DOMAIN + ": unknown provider_name");
		assertThat(ex.key()).isNull();
	}

	@Test
	void toStringListsSortedKeysButNoValues() {
		ProviderConfig config = config(
				Map.of("model", "nova-3", "api_key", this.cipher.encrypt("sk-live-123", DOMAIN), "password", "hunter2"));

		String text = config.toString();

		assertThat(text).isEqualTo("ProviderConfig[provider 'deepgram' (stt, row " + ROW + ") in domain " + DOMAIN
				+ ", keys=api_key,model,password]");
		assertThat(text).doesNotContain("nova-3", "sk-live-123", "hunter2", "enc:v1:");
	}

	@Test
	void laterChangesToTheSourceMapAreNotSeen() {
		Map<String, Object> values = new HashMap<>(Map.of("model", "nova-3"));
		ProviderConfig config = config(values);

		values.put("model", "changed");
		values.put("extra", "x");

		assertThat(config.string("model")).contains("nova-3");
		assertThat(config.keys()).containsExactly("model");
		assertThatThrownBy(() -> config.keys().add("y")).isInstanceOf(UnsupportedOperationException.class);
	}

	private ProviderConfig config(Map<String, Object> values) {
		return new ProviderConfig(CONTEXT, values, this.cipher);
	}

	private static byte[] key(int start) {
		byte[] key = new byte[32];
		for (int i = 0; i < key.length; i++) {
			key[i] = (byte) (start + i);
		}
		return key;
	}

}
