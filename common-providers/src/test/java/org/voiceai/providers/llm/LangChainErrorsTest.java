package org.voiceai.providers.llm;

import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.concurrent.CompletionException;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import org.junit.jupiter.api.Test;

import org.voiceai.providers.error.ProviderAuthException;
import org.voiceai.providers.error.ProviderBadRequestException;
import org.voiceai.providers.error.ProviderException;
import org.voiceai.providers.error.ProviderRateLimitException;
import org.voiceai.providers.error.ProviderTimeoutException;
import org.voiceai.providers.error.ProviderUnavailableException;

import static org.assertj.core.api.Assertions.assertThat;

/** How each thing langchain4j throws lands in our error family. */
class LangChainErrorsTest {

	static final String KEY = "sk-live-0123456789abcdef";

	final LangChainErrors errors = new LangChainErrors("openai", ModelTestKit.httpErrors(), List.of(KEY));

	@Test
	void httpStatusesAreMappedLikeOurOwnHttpProvidersWithTheVendorsMessage() {
		assertThat(translate(new AuthenticationException(http(401, "{\"error\":{\"message\":\"Incorrect API key\"}}"))))
			.isInstanceOf(ProviderAuthException.class)
			.hasMessage("openai: HTTP 401: Incorrect API key");
		assertThat(translate(new InvalidRequestException(http(400, "{\"error\":{\"message\":\"bad 'tools'\"}}"))))
			.isInstanceOf(ProviderBadRequestException.class)
			.hasMessage("openai: HTTP 400: bad 'tools'");
		assertThat(translate(new InternalServerException(http(502, "Bad Gateway"))))
			.isInstanceOf(ProviderUnavailableException.class)
			.hasMessage("openai: HTTP 502: Bad Gateway");
	}

	@Test
	void aRateLimitCarriesNoRetryAfterBecauseLangchain4jDropsTheHeaders() {
		assertThat(translate(new RateLimitException(http(429, "{\"error\":{\"message\":\"slow down\"}}"))))
			.isInstanceOfSatisfying(ProviderRateLimitException.class,
					(limited) -> assertThat(limited.retryAfter()).isNull())
			.hasMessage("openai: HTTP 429: slow down");
	}

	@Test
	void googlesBadKeyAnsweredWith400IsAnAuthFailure() {
		String body = "{\"error\":{\"code\":400,\"message\":\"API key not valid. Please pass a valid API key.\","
				+ "\"status\":\"INVALID_ARGUMENT\",\"details\":[{\"reason\":\"API_KEY_INVALID\"}]}}";

		assertThat(translate(new InvalidRequestException(http(400, body)))).isInstanceOf(ProviderAuthException.class)
			.hasMessage("openai: HTTP 400: API key not valid. Please pass a valid API key.");
	}

	@Test
	void timeoutsAreTimeoutsHoweverWrapped() {
		HttpTimeoutException timeout = new HttpTimeoutException("request timed out");

		assertThat(translate(new TimeoutException(timeout))).isInstanceOf(ProviderTimeoutException.class)
			.hasMessage("openai: no response in time");
		assertThat(translate(new NonRetriableException(new TimeoutException(timeout))))
			.isInstanceOf(ProviderTimeoutException.class);
		assertThat(translate(new TimeoutException(new CompletionException(timeout))))
			.isInstanceOf(ProviderTimeoutException.class);
	}

	@Test
	void notReachingTheServerIsUnavailable() {
		assertThat(translate(new RuntimeException(new ConnectException("Connection refused"))))
			.isInstanceOf(ProviderUnavailableException.class)
			.hasMessage("openai: cannot connect: ConnectException: Connection refused");
		assertThat(translate(new TimeoutException(new HttpConnectTimeoutException("HTTP connect timed out"))))
			.isInstanceOf(ProviderUnavailableException.class)
			.hasMessageContaining("cannot connect");
	}

	@Test
	void inputLangchain4jRefusesIsABadRequest() {
		assertThat(translate(new IllegalArgumentException("text cannot be null or blank")))
			.isInstanceOf(ProviderBadRequestException.class)
			.hasMessage("openai: IllegalArgumentException: text cannot be null or blank");
	}

	@Test
	void anythingElseIsUnavailableSoAnotherProviderIsTried() {
		assertThat(translate(new LangChain4jException("Overloaded"))).isInstanceOf(ProviderUnavailableException.class)
			.hasMessage("openai: LangChain4jException: Overloaded");
	}

	@Test
	void ourOwnErrorsPassUnchanged() {
		ProviderTimeoutException ours = new ProviderTimeoutException("openai", "no response in time", null);

		assertThat(translate(ours)).isSameAs(ours);
	}

	@Test
	void theKeyNeverReachesAMessage() {
		assertThat(translate(new AuthenticationException(http(401, "{\"error\":{\"message\":\"Incorrect API key provided: "
				+ KEY + "\"}}"))))
			.hasMessage("openai: HTTP 401: Incorrect API key provided: ***");
		assertThat(translate(new LangChain4jException("failed with key " + KEY)))
			.hasMessage("openai: LangChain4jException: failed with key ***");
	}

	private ProviderException translate(Throwable error) {
		return this.errors.translate(error);
	}

	private static HttpException http(int status, String body) {
		return new HttpException(status, body);
	}

}
