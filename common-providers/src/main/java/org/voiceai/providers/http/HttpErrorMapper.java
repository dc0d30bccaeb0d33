package org.voiceai.providers.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;

import org.voiceai.providers.error.ProviderAuthException;
import org.voiceai.providers.error.ProviderBadAudioException;
import org.voiceai.providers.error.ProviderBadRequestException;
import org.voiceai.providers.error.ProviderException;
import org.voiceai.providers.error.ProviderRateLimitException;
import org.voiceai.providers.error.ProviderTimeoutException;
import org.voiceai.providers.error.ProviderUnavailableException;

/**
 * The one place that turns a provider's HTTP status into our error family, keeping the provider's own message
 * (from the usual JSON error shapes) so an admin sees what the vendor said.
 */
public final class HttpErrorMapper {

	private static final int MAX_MESSAGE = 300;

	private final JsonMapper json;

	public HttpErrorMapper(JsonMapper json) {
		this.json = json;
	}

	public ProviderException toException(String provider, int status, HttpHeaders headers, String body) {
		String message = "HTTP " + status + vendorMessage(body);
		if (status == 401 || status == 403) {
			return new ProviderAuthException(provider, message, null);
		}
		if (status == 429) {
			return new ProviderRateLimitException(provider, message, retryAfter(headers), null);
		}
		if (status == 408 || status == 504) {
			return new ProviderTimeoutException(provider, message, null);
		}
		if (status == 415) {
			return new ProviderBadAudioException(provider, message, null);
		}
		if (status >= 400 && status < 500) {
			return new ProviderBadRequestException(provider, message, null);
		}
		return new ProviderUnavailableException(provider, message, null);
	}

	/** ": <the vendor's message>" from the common JSON error shapes, or the start of a plain-text body. */
	String vendorMessage(String body) {
		if (body == null || body.isBlank()) {
			return "";
		}
		String text = body.trim();
		try {
			JsonNode root = this.json.readTree(text);
			String found = first(root.path("error").path("message"), root.path("error"), root.path("message"),
					root.path("detail").path("message"), root.path("detail"), root.path("err_msg"),
					root.path("error_description"), root.path("title"));
			if (found != null) {
				text = found;
			}
		}
		catch (JacksonException ex) {
			// Not JSON: keep the plain text.
		}
		String clean = text.replaceAll("[\\p{Cntrl}]+", " ").trim();
		return clean.isEmpty() ? "" : ": " + ((clean.length() > MAX_MESSAGE) ? clean.substring(0, MAX_MESSAGE) + "…" : clean);
	}

	private static String first(JsonNode... candidates) {
		for (JsonNode node : candidates) {
			if (node != null && node.isString() && !node.asString().isBlank()) {
				return node.asString();
			}
		}
		return null;
	}

	/** {@code retry-after-ms}, or {@code retry-after} in seconds or as an HTTP date; {@code null} when absent. */
	static Duration retryAfter(HttpHeaders headers) {
		if (headers == null) {
			return null;
		}
		String millis = headers.getFirst("retry-after-ms");
		if (millis != null) {
			try {
				return Duration.ofMillis(Math.max(0, Math.round(Double.parseDouble(millis.trim()))));
			}
			catch (NumberFormatException ex) {
				// fall through to retry-after
			}
		}
		String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Duration.ofMillis(Math.max(0, Math.round(Double.parseDouble(value.trim()) * 1000)));
		}
		catch (NumberFormatException ex) {
			try {
				Instant when = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
				Duration wait = Duration.between(Instant.now(), when);
				return wait.isNegative() ? Duration.ZERO : wait;
			}
			catch (DateTimeParseException notADate) {
				return null;
			}
		}
	}

}
