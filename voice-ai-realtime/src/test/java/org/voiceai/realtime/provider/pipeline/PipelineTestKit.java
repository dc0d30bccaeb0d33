package org.voiceai.realtime.provider.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.langchain4j.agent.tool.ToolSpecification;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.voiceai.audio.AudioFormat;
import org.voiceai.audio.G711;
import org.voiceai.audio.Pcm16;
import org.voiceai.providers.ProviderConfig;
import org.voiceai.providers.ProviderContext;
import org.voiceai.providers.ProviderType;
import org.voiceai.providers.realtime.ProviderEvent;
import org.voiceai.providers.realtime.RealtimeConversation;
import org.voiceai.providers.realtime.RealtimeSessionSpec;
import org.voiceai.providers.secret.SecretCipher;
import org.voiceai.tenant.DomainId;

/** Shared helpers for the custom pipeline tests: provider rows, caller audio, an event recorder. */
final class PipelineTestKit {

	static final DomainId DOMAIN = DomainId.parse("7c0f5e2a-1b4e-4c1d-9a3f-2b6d8e0a1c55");

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String KEY = "dg-test-key";

	private PipelineTestKit() {
	}

	static ProviderConfig config(Map<String, Object> values) {
		return new ProviderConfig(new ProviderContext(DOMAIN, ProviderType.REALTIME, UUID.randomUUID(),
				"custom_pipeline"), values, new SecretCipher(new byte[32]));
	}

	/** A row for the Deepgram fake at {@code baseUrl}, ending turns after 200 ms of silence. */
	static Map<String, Object> row(String baseUrl, String apiKey) {
		Map<String, Object> values = new HashMap<>();
		values.put("api_key", apiKey);
		values.put("base_url", baseUrl);
		values.put("endpointing_ms", "200");
		values.put("utterance_end_ms", "1000");
		values.put("connect_timeout_seconds", "5");
		return values;
	}

	static CustomPipelineVoice voice(Map<String, Object> row, PipelineServices services) {
		return new CustomPipelineVoice(CustomPipelineSettings.from(config(row)), services,
				new PipelineLatency(new SimpleMeterRegistry(), DOMAIN.value().toString()), JSON);
	}

	static RealtimeSessionSpec spec(AudioFormat callerFormat, List<ToolSpecification> tools) {
		return new RealtimeSessionSpec("You are Ana, the secretary of Clínica Sorriso.", null, "pt-BR", callerFormat,
				tools);
	}

	/** {@code millis} of caller audio in {@code format}: a loud 300 Hz tone, or silence. */
	static byte[] callerAudio(AudioFormat format, int millis, boolean loud) {
		short[] samples = new short[format.sampleRate() * millis / 1000];
		for (int n = 0; loud && n < samples.length; n++) {
			samples[n] = (short) (12000 * Math.sin(2 * Math.PI * 300 * n / format.sampleRate()));
		}
		return switch (format.encoding()) {
			case ULAW -> G711.encodeUlaw(samples);
			case ALAW -> G711.encodeAlaw(samples);
			case PCM16 -> Pcm16.toBytes(samples);
		};
	}

	/** Sends a caller turn as 20 ms frames: {@code speechMs} of tone, then {@code silenceMs} of silence. */
	static void speakAsCaller(RealtimeConversation conversation, int speechMs, int silenceMs) {
		for (int t = 0; t < speechMs; t += 20) {
			conversation.sendAudio(callerAudio(conversation.inputFormat(), 20, true));
		}
		for (int t = 0; t < silenceMs; t += 20) {
			conversation.sendAudio(callerAudio(conversation.inputFormat(), 20, false));
		}
	}

	/** Collects a conversation's events for assertions from the test thread. */
	static final class Events {

		private static final Object COMPLETE = new Object();

		private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();

		private final List<ProviderEvent> seen = new ArrayList<>();

		Events(RealtimeConversation conversation) {
			conversation.events().subscribe(this.queue::add, this.queue::add, () -> this.queue.add(COMPLETE));
		}

		/** The next event of {@code type}, skipping others (they stay in {@link #seen()}). */
		<T extends ProviderEvent> T next(Class<T> type) {
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (true) {
				Object item = poll(deadline - System.nanoTime(), type.getSimpleName());
				if (item == COMPLETE) {
					throw new AssertionError("events completed before a " + type.getSimpleName() + "; saw " + this.seen);
				}
				if (item instanceof Throwable error) {
					throw new AssertionError("events failed", error);
				}
				this.seen.add((ProviderEvent) item);
				if (type.isInstance(item)) {
					return type.cast(item);
				}
			}
		}

		/** Events up to and including the next {@link ProviderEvent.ResponseDone}. */
		List<ProviderEvent> untilResponseDone() {
			int from = this.seen.size();
			next(ProviderEvent.ResponseDone.class);
			return List.copyOf(this.seen.subList(from, this.seen.size()));
		}

		/** Waits for completion, returning every event seen until then. */
		List<ProviderEvent> awaitCompletion() {
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (true) {
				Object item = poll(deadline - System.nanoTime(), "completion");
				if (item == COMPLETE) {
					return List.copyOf(this.seen);
				}
				if (item instanceof Throwable error) {
					throw new AssertionError("events failed instead of completing", error);
				}
				this.seen.add((ProviderEvent) item);
			}
		}

		List<ProviderEvent> seen() {
			return List.copyOf(this.seen);
		}

		private Object poll(long nanos, String what) {
			try {
				Object item = this.queue.poll(Math.max(0, nanos), TimeUnit.NANOSECONDS);
				if (item == null) {
					throw new AssertionError("no " + what + " within 10 s; saw " + this.seen);
				}
				return item;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}

	}

	/** The total length of the audio deltas among {@code events}, in bytes. */
	static int audioBytes(List<ProviderEvent> events) {
		return events.stream()
			.filter(ProviderEvent.AudioDelta.class::isInstance)
			.mapToInt((event) -> ((ProviderEvent.AudioDelta) event).audio().length)
			.sum();
	}

}
