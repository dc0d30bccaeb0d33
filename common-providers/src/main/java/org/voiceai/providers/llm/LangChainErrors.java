package org.voiceai.providers.llm;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnsupportedFeatureException;

import org.voiceai.providers.error.ProviderAuthException;
import org.voiceai.providers.error.ProviderBadRequestException;
import org.voiceai.providers.error.ProviderException;
import org.voiceai.providers.error.ProviderRateLimitException;
import org.voiceai.providers.error.ProviderTimeoutException;
import org.voiceai.providers.error.ProviderUnavailableException;
import org.voiceai.providers.http.HttpErrorMapper;

/**
 * Turns whatever a langchain4j chat or embedding model throws into our error family, so that failover reads the
 * same types as for our own HTTP providers.
 * <p>
 * An HTTP failure goes through {@link HttpErrorMapper}, the one mapping of status codes, with the vendor's body.
 * langchain4j's {@link HttpException} keeps the status and body but not the headers, so a rate limit's
 * {@code retry-after} is unknown here ({@link ProviderRateLimitException#retryAfter()} is {@code null}); langchain4j
 * has by then retried with its own backoff. The row's secrets are blanked from every message we build.
 */
public final class LangChainErrors {

	private static final int MAX_MESSAGE = 300;

	/** Google's reason for a bad API key, which it answers with 400 rather than 401. */
	private static final String GOOGLE_BAD_KEY = "API_KEY_INVALID";

	private final String provider;

	private final HttpErrorMapper http;

	private final List<String> secrets;

	/**
	 * @param provider the {@code provider_name} named in errors
	 * @param http the status-code mapping shared with the HTTP providers
	 * @param secrets values never to repeat in a message (the row's API key); nulls are ignored
	 */
	public LangChainErrors(String provider, HttpErrorMapper http, Collection<String> secrets) {
		this.provider = provider;
		this.http = http;
		this.secrets = secrets.stream().filter(Objects::nonNull).filter((secret) -> !secret.isBlank()).toList();
	}

	public ProviderException translate(Throwable error) {
		if (error instanceof ProviderException known) {
			return known;
		}
		HttpException status = cause(error, HttpException.class);
		if (status != null) {
			return fromStatus(status);
		}
		if (cause(error, HttpConnectTimeoutException.class) != null || cause(error, ConnectException.class) != null
				|| cause(error, UnresolvedAddressException.class) != null
				|| cause(error, UnknownHostException.class) != null) {
			return new ProviderUnavailableException(this.provider, "cannot connect: " + describe(root(error)), error);
		}
		if (cause(error, HttpTimeoutException.class) != null || cause(error, TimeoutException.class) != null) {
			return new ProviderTimeoutException(this.provider, "no response in time", error);
		}
		if (cause(error, AuthenticationException.class) != null) {
			return new ProviderAuthException(this.provider, describe(error), error);
		}
		if (cause(error, RateLimitException.class) != null) {
			return new ProviderRateLimitException(this.provider, describe(error), null, error);
		}
		if (error instanceof IllegalArgumentException || cause(error, InvalidRequestException.class) != null
				|| cause(error, UnsupportedFeatureException.class) != null
				|| cause(error, ContentFilteredException.class) != null) {
			return new ProviderBadRequestException(this.provider, describe(error), error);
		}
		// Server errors without a status (a stream that broke off, a vendor's mid-stream "overloaded" event) and
		// anything unforeseen: another provider may well succeed.
		return new ProviderUnavailableException(this.provider, describe(error), error);
	}

	private ProviderException fromStatus(HttpException status) {
		String body = redact(status.getMessage());
		ProviderException mapped = this.http.toException(this.provider, status.statusCode(), null, body);
		if (mapped instanceof ProviderBadRequestException && body.contains(GOOGLE_BAD_KEY)) {
			String vendorMessage = mapped.getMessage().substring((mapped.provider() + ": ").length());
			return new ProviderAuthException(this.provider, vendorMessage, null);
		}
		return mapped;
	}

	private String describe(Throwable error) {
		String message = (error.getMessage() != null) ? redact(error.getMessage()) : "";
		String text = error.getClass().getSimpleName() + (message.isBlank() ? "" : ": " + message);
		String clean = text.replaceAll("\\p{Cntrl}+", " ").trim();
		return (clean.length() > MAX_MESSAGE) ? clean.substring(0, MAX_MESSAGE) + "…" : clean;
	}

	private String redact(String text) {
		if (text == null) {
			return "";
		}
		String clean = text;
		for (String secret : this.secrets) {
			clean = clean.replace(secret, "***");
		}
		return clean;
	}

	private static <T extends Throwable> T cause(Throwable error, Class<T> type) {
		for (Throwable current = error; current != null; current = current.getCause()) {
			if (type.isInstance(current)) {
				return type.cast(current);
			}
			if (current.getCause() == current) {
				break;
			}
		}
		return null;
	}

	private static Throwable root(Throwable error) {
		Throwable current = error;
		while (current.getCause() != null && current.getCause() != current) {
			current = current.getCause();
		}
		return current;
	}

}
