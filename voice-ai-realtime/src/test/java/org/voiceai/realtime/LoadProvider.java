package org.voiceai.realtime;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import org.voiceai.providers.ProviderType;
import org.voiceai.providers.manager.ProviderDraft;
import org.voiceai.realtime.fakes.deepgram.DeepgramLiveFake;
import org.voiceai.realtime.fakes.elevenlabs.ElevenLabsAgentFake;
import org.voiceai.realtime.fakes.gemini.GeminiLiveFake;
import org.voiceai.realtime.fakes.openai.OpenAiRealtimeFake;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * The provider fake the calls talk to ({@code -Dbench.provider}), the domain's realtime row that points at it and the
 * other rows that provider needs ({@code companions}: the custom pipeline's chat model and text-to-speech, which
 * replace the domain's rows of their type). Every fake ends a caller turn with its energy VAD and answers with
 * {@value #REPLY_MILLIS} ms of audio, and keeps only counts of the caller audio it receives.
 */
record LoadProvider(String name, ProviderDraft row, List<ProviderDraft> companions, AutoCloseable fake) {

	/** Every caller turn is answered with this much audio. */
	static final int REPLY_MILLIS = 1500;

	/** How far ahead of real time the OpenAI fake streams its deltas. */
	static final int PROVIDER_AHEAD_MILLIS = 40;

	static LoadProvider start(String name) {
		Duration reply = Duration.ofMillis(REPLY_MILLIS);
		return switch (name) {
			case "openai" -> {
				// Streams its deltas at real time, 40 ms ahead, as the API does; 8 kHz callers get G.711 both ways.
				OpenAiRealtimeFake fake = OpenAiRealtimeFake.start("sk-realtime-test")
					.streamReplies(Duration.ofMillis(20), Duration.ofMillis(PROVIDER_AHEAD_MILLIS))
					.defaultReply(reply)
					.countAppendsOnly();
				yield new LoadProvider(name, realtimeRow("openai_realtime", "OpenAI Realtime",
						Map.of("api_key", "sk-realtime-test", "base_url", fake.baseUrl())), List.of(), fake);
			}
			case "gemini" -> {
				// 16 kHz PCM in, 24 kHz out; the fake sends a whole reply at once, in 100 ms parts.
				GeminiLiveFake fake = GeminiLiveFake.start("AIza-bench").countAudioOnly().defaultReply(reply);
				yield new LoadProvider(name, realtimeRow("gemini", "Gemini Live",
						Map.of("api_key", "AIza-bench", "base_url", fake.baseUrl(), "voice", "Aoede")), List.of(), fake);
			}
			case "elevenlabs" -> {
				// 16 kHz PCM both ways; the fake sends a whole reply at once, in 100 ms chunks.
				ElevenLabsAgentFake fake = ElevenLabsAgentFake.start("xi-bench").countAudioOnly().defaultReply(reply);
				fake.agent("agent_bench").allowOverrides("prompt", "first_message").formats("pcm_16000",
						"pcm_16000");
				yield new LoadProvider(name, realtimeRow("elevenlabs", "ElevenLabs agent", Map.of("api_key",
						"xi-bench", "agent_id", "agent_bench", "base_url", fake.baseUrl())), List.of(), fake);
			}
			case "custom" -> {
				// The cascade: the Deepgram live fake transcribes each turn (energy, 200 ms endpointing), Groq's chat
				// completions answer at once with one streamed sentence, and OpenAI text-to-speech speaks it as
				// REPLY_MILLIS of 24 kHz PCM. WireMock keeps no request journal, which would grow with every turn.
				DeepgramLiveFake deepgram = DeepgramLiveFake.start("dg-bench");
				WireMockServer http = new WireMockServer(
						WireMockConfiguration.options().dynamicPort().disableRequestJournal());
				http.start();
				http.stubFor(post(urlPathEqualTo(PipelineFakes.CHAT_PATH))
					.willReturn(PipelineFakes.sse(PipelineFakes.textReply("Certo, ", "posso ajudar."))));
				PipelineFakes.speakEverySentenceFor(http, REPLY_MILLIS);
				AutoCloseable fakes = () -> {
					deepgram.close();
					http.stop();
				};
				yield new LoadProvider(name, realtimeRow("custom_pipeline", "Deepgram + Groq + OpenAI TTS",
						PipelineFakes.realtimeConfig("dg-bench", deepgram.baseUrl())),
						List.of(PipelineFakes.groqRow(http), PipelineFakes.ttsRow(http)), fakes);
			}
			// Another realtime provider is one more case: its fake, answering each caller turn with REPLY_MILLIS of
			// audio and counting rather than keeping caller audio, its row and the rows it needs besides.
			default -> throw new IllegalArgumentException(
					"bench.provider must be openai, gemini, elevenlabs or custom, not " + name);
		};
	}

	/**
	 * Streamed replies that had a delta leave the fake after its own playback time (counted from the reply's first
	 * delta), so the caller would hear a gap whatever the bridge did; -1 for fakes that send a reply at once.
	 */
	long lateReplies() {
		return (this.fake instanceof OpenAiRealtimeFake openai) ? openai.lateStreamedReplies() : -1;
	}

	private static ProviderDraft realtimeRow(String type, String displayName, Map<String, Object> config) {
		return new ProviderDraft(ProviderType.REALTIME, type, displayName, new LinkedHashMap<>(config), true, 0,
				true);
	}

}
