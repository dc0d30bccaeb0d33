package org.voiceai.service.turn;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.voiceai.service.chat.ChatAction;
import org.voiceai.service.conversations.RagSource;

/**
 * One turn's result for the Lua script: play {@code audio_file} (or {@code audio_url}), then do {@code action}.
 * When nothing intelligible was said, {@code no_speech} is true, {@code transcript} and {@code text} are empty, the
 * action is {@code continue}, there is no audio, and nothing is recorded: the script reprompts (or counts silences)
 * and listens again.
 *
 * @param transcript what the caller said
 * @param text the secretary's reply
 * @param action continue, transfer or hangup
 * @param transferExtension where to transfer, when {@code action} is transfer
 * @param transferDestination the configured destination's name, when one matched
 * @param ragSources knowledge passages the reply drew on
 * @param audioFile the reply as a WAV in the shared directory, or null without speech
 * @param audioUrl the same file over HTTP ({@code http_cache://}), or null
 * @param durationMs the reply audio's length
 * @param sampleRate the reply audio's rate
 * @param noSpeech true when the utterance held no words
 * @param latency per-stage milliseconds
 */
public record TurnReply(String transcript, String text, ChatAction action,
		@JsonProperty("transfer_extension") String transferExtension,
		@JsonProperty("transfer_destination") String transferDestination,
		@JsonProperty("rag_sources") List<RagSource> ragSources, @JsonProperty("audio_file") String audioFile,
		@JsonProperty("audio_url") String audioUrl, @JsonProperty("duration_ms") long durationMs,
		@JsonProperty("sample_rate") int sampleRate, @JsonProperty("no_speech") boolean noSpeech,
		TurnLatency latency) {

	static TurnReply noSpeech(int sampleRate, TurnLatency latency) {
		return new TurnReply("", "", ChatAction.CONTINUE, null, null, List.of(), null, null, 0, sampleRate, true,
				latency);
	}

}
