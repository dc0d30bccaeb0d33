package org.voiceai.providers;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.voiceai.providers.secret.SecretCipher;
import org.voiceai.providers.secret.SecretDecryptionException;

/**
 * The {@code config} JSON object of one provider row, with typed, validating accessors for factories. Values written
 * by PHP forms arrive as strings ("0.5", "true"), so numbers and booleans are parsed leniently. Encrypted values are
 * decrypted on access for the row's own domain. Every failure is a {@link ProviderConfigException} naming the domain,
 * provider and key; no accessor or {@link #toString()} ever exposes a secret.
 */
public final class ProviderConfig {

	private final ProviderContext context;

	private final Map<String, Object> values;

	private final SecretCipher cipher;

	public ProviderConfig(ProviderContext context, Map<String, Object> values, SecretCipher cipher) {
		this.context = context;
		this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
		this.cipher = cipher;
	}

	public ProviderContext context() {
		return this.context;
	}

	public Set<String> keys() {
		return this.values.keySet();
	}

	public boolean has(String key) {
		return string(key).isPresent();
	}

	/** The text value of {@code key}, decrypted if encrypted; empty when absent, null or blank. */
	public Optional<String> string(String key) {
		Object value = this.values.get(key);
		if (value == null) {
			return Optional.empty();
		}
		if (value instanceof Map || value instanceof Iterable) {
			throw problem(key, "must be a single value, not a JSON object or array");
		}
		String text = SecretCipher.isEncrypted(value) ? decrypt(key, (String) value) : String.valueOf(value);
		return text.isBlank() ? Optional.empty() : Optional.of(text.trim());
	}

	public String string(String key, String defaultValue) {
		return string(key).orElse(defaultValue);
	}

	public String requireString(String key) {
		return string(key).orElseThrow(() -> problem(key, "is missing"));
	}

	public int integer(String key, int defaultValue) {
		return string(key).map((text) -> {
			try {
				return new BigDecimal(text).intValueExact();
			}
			catch (NumberFormatException | ArithmeticException ex) {
				throw problem(key, "must be a whole number, got '" + shown(key, text) + "'");
			}
		}).orElse(defaultValue);
	}

	public double decimal(String key, double defaultValue) {
		return string(key).map((text) -> {
			try {
				return Double.parseDouble(text);
			}
			catch (NumberFormatException ex) {
				throw problem(key, "must be a number, got '" + shown(key, text) + "'");
			}
		}).orElse(defaultValue);
	}

	public boolean bool(String key, boolean defaultValue) {
		return string(key).map((text) -> switch (text.toLowerCase(Locale.ROOT)) {
			case "true", "t", "1", "yes", "on" -> true;
			case "false", "f", "0", "no", "off" -> false;
			default -> throw problem(key, "must be true or false, got '" + shown(key, text) + "'");
		}).orElse(defaultValue);
	}

	/** A duration in seconds (fractions allowed), as admins type it. */
	public Duration seconds(String key, Duration defaultValue) {
		if (!has(key)) {
			return defaultValue;
		}
		double seconds = decimal(key, 0);
		long millis = Math.round(seconds * 1000);
		if (!Double.isFinite(seconds) || millis <= 0 || seconds > 86_400) {
			throw problem(key, "must be a positive number of seconds, at most one day");
		}
		return Duration.ofMillis(millis);
	}

	/** An absolute http(s) or ws(s) URL, trailing slash removed. */
	public URI url(String key, String defaultValue) {
		String text = string(key, defaultValue);
		if (text == null) {
			throw problem(key, "is missing");
		}
		try {
			URI uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if (!Set.of("http", "https", "ws", "wss").contains(scheme) || uri.getHost() == null) {
				throw problem(key, "must be an absolute http(s) or ws(s) URL, got '" + shown(key, text) + "'");
			}
			return uri;
		}
		catch (URISyntaxException ex) {
			throw problem(key, "is not a valid URL" + (SecretCipher.isSecretKey(key) ? "" : ": " + ex.getReason()));
		}
	}

	/** An error about {@code key} in this provider's configuration, for factories' own validation. */
	public ProviderConfigException problem(String key, String problem) {
		return new ProviderConfigException(this.context, key, problem);
	}

	private String decrypt(String key, String value) {
		try {
			return this.cipher.decrypt(value, this.context.domain());
		}
		catch (SecretDecryptionException ex) {
			throw problem(key, "cannot be decrypted: " + ex.getMessage());
		}
	}

	private static String shown(String key, String text) {
		return SecretCipher.isSecretKey(key) ? "***" : text;
	}

	@Override
	public String toString() {
		return "ProviderConfig[" + this.context.describe() + ", keys="
				+ this.values.keySet().stream().sorted().collect(Collectors.joining(",")) + "]";
	}

}
