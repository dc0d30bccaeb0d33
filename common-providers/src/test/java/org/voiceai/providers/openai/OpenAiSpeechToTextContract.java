package org.voiceai.providers.openai;

import java.util.Map;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import org.voiceai.providers.ProviderFactory;
import org.voiceai.providers.http.ProviderHttp;
import org.voiceai.providers.stt.SpeechToText;
import org.voiceai.providers.stt.SpeechToTextContract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract against a fake of OpenAI's {@code POST /audio/transcriptions}, shared by every service that speaks it
 * (OpenAI, Groq, local Whisper servers): multipart request, {@code verbose_json} answer, OpenAI error envelopes.
 */
abstract class OpenAiSpeechToTextContract extends SpeechToTextContract {

	static final String TEXT = "Olá, quero falar com o financeiro.";

	/** The part of the base URL after host and port, e.g. {@code /v1}. */
	protected abstract String basePath();

	protected abstract OpenAiSpeechToTextVariant variant();

	@Override
	protected ProviderFactory<SpeechToText> factory(ProviderHttp http) {
		return new OpenAiSpeechToTextFactory(http, variant());
	}

	@Override
	protected Map<String, Object> config(String baseUrl) {
		return Map.of("api_key", API_KEY, "base_url", baseUrl + basePath());
	}

	@Override
	protected MappingBuilder endpoint() {
		return post(urlPathEqualTo(basePath() + "/audio/transcriptions"));
	}

	@Override
	protected ResponseDefinitionBuilder success() {
		return okJson("""
				{"task":"transcribe","language":"portuguese","duration":1.5,"text":" %s",
				 "segments":[{"id":0,"seek":0,"start":0.0,"end":1.5,"text":" %s","avg_logprob":-0.21,
				   "compression_ratio":0.9,"no_speech_prob":0.01}],
				 "usage":{"type":"duration","seconds":2}}""".formatted(TEXT, TEXT));
	}

	@Override
	protected String successText() {
		return TEXT;
	}

	@Override
	protected ResponseDefinitionBuilder authFailure() {
		return error(401, "Incorrect API key provided: test-k*****7c3b. You can find your API key at "
				+ "https://platform.openai.com/account/api-keys.", "invalid_request_error", "\"invalid_api_key\"");
	}

	@Override
	protected ResponseDefinitionBuilder rateLimited() {
		return error(429, "Rate limit reached for requests per min (RPM): Limit 50, Used 50, Requested 1.",
				"requests", "\"rate_limit_exceeded\"")
			.withHeader("x-ratelimit-limit-requests", "50")
			.withHeader("x-ratelimit-remaining-requests", "0");
	}

	@Override
	protected ResponseDefinitionBuilder serverError() {
		return error(500, "The server had an error while processing your request. Sorry about that!",
				"server_error", "null");
	}

	static ResponseDefinitionBuilder error(int status, String message, String type, String code) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody("""
					{"error":{"message":"%s","type":"%s","param":null,"code":%s}}""".formatted(message, type, code));
	}

	@Override
	protected void verifyRequest(LoggedRequest request, byte[] wav) {
		assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + API_KEY);
		assertThat(request.getHeader("Content-Type")).startsWith("multipart/form-data;").contains("boundary=");
		Request.Part file = request.getPart("file");
		assertThat(file.getFileName()).isEqualTo("audio.wav");
		assertThat(file.getHeader("Content-Type").firstValue()).isEqualTo("audio/wav");
		// 16-bit mono PCM goes as recorded, byte for byte.
		assertThat(file.getBody().asBytes()).isEqualTo(wav);
		assertThat(text(request, "model")).isEqualTo(variant().defaultModel());
		assertThat(text(request, "language")).isEqualTo("pt");
		assertThat(text(request, "response_format")).isEqualTo("verbose_json");
		assertThat(request.getPart("prompt")).isNull();
	}

	static String text(LoggedRequest request, String part) {
		Request.Part found = request.getPart(part);
		assertThat(found).as("multipart field %s", part).isNotNull();
		return found.getBody().asString();
	}

}
