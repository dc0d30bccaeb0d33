package org.voiceai.realtime.provider.openai;

import tools.jackson.databind.JsonNode;

/**
 * Tokens used by responses, from {@code response.done}'s {@code usage}: logged per response and per call, for cost
 * tracking.
 */
public record OpenAiRealtimeUsage(long inputTokens, long outputTokens, long inputAudioTokens, long outputAudioTokens,
		long cachedTokens) {

	static OpenAiRealtimeUsage from(JsonNode usage) {
		return new OpenAiRealtimeUsage(usage.path("input_tokens").asLong(0), usage.path("output_tokens").asLong(0),
				usage.path("input_token_details").path("audio_tokens").asLong(0),
				usage.path("output_token_details").path("audio_tokens").asLong(0),
				usage.path("input_token_details").path("cached_tokens").asLong(0));
	}

	public long totalTokens() {
		return this.inputTokens + this.outputTokens;
	}

	/** Sums usage over a call's responses. */
	static final class Accumulator {

		private long input;

		private long output;

		private long inputAudio;

		private long outputAudio;

		private long cached;

		void add(OpenAiRealtimeUsage usage) {
			this.input += usage.inputTokens;
			this.output += usage.outputTokens;
			this.inputAudio += usage.inputAudioTokens;
			this.outputAudio += usage.outputAudioTokens;
			this.cached += usage.cachedTokens;
		}

		OpenAiRealtimeUsage total() {
			return new OpenAiRealtimeUsage(this.input, this.output, this.inputAudio, this.outputAudio, this.cached);
		}

	}

}
