package org.voiceai.realtime.provider.openai;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.JsonNode;

import org.voiceai.audio.AudioFormat;
import org.voiceai.providers.realtime.ProviderEvent;
import org.voiceai.realtime.provider.openai.internal.ConversationItem;

/**
 * Maps OpenAI Realtime server events to {@link ProviderEvent}s and keeps what the adapter needs to act on them: the
 * response in progress (to cancel it), the assistant audio item being played (to truncate it), the tool calls
 * already reported, the conversation so far (to carry it into a fresh session) and the token usage. GA event names
 * are primary; the retired beta names are accepted too. Called on the socket's event loop and from the bridge, so its
 * methods are synchronized (never contended for long: no I/O happens under the lock).
 */
final class OpenAiRealtimeEvents {

	/** Enough context for a fresh session; OpenAI truncates long conversations itself anyway. */
	static final int MAX_CARRIED_ITEMS = 200;

	private static final Log logger = LogFactory.getLog(OpenAiRealtimeEvents.class);

	private final AudioFormat outputFormat;

	/**
	 * The conversation in the server's item order, keyed by item id. A caller turn takes its place when its audio is
	 * committed and gets its text when the transcription completes, which is often after the reply has started.
	 */
	private final LinkedHashMap<String, ConversationItem> history = new LinkedHashMap<>();

	private long unnamedItems;

	/** Interrupted assistant items: the share of their audio the caller heard. */
	private final Map<String, Double> heardShare = new HashMap<>();

	private final Set<String> reportedCallIds = new HashSet<>();

	private final OpenAiRealtimeUsage.Accumulator usage = new OpenAiRealtimeUsage.Accumulator();

	private String activeResponseId;

	private String cancelledResponseId;

	private String audioItemId;

	private long audioItemBytes;

	private boolean callerSpeaking;

	OpenAiRealtimeEvents(AudioFormat outputFormat) {
		this.outputFormat = outputFormat;
	}

	/**
	 * Maps one server event (other than session and error events, which the conversation handles), adding what the
	 * bridge should hear to {@code out}; the caller emits them after this returns, so no lock is held while the bridge
	 * handles them.
	 */
	synchronized void map(JsonNode event, List<ProviderEvent> out) {
		String type = event.path("type").asString("");
		switch (type) {
			case "response.output_audio.delta", "response.audio.delta" -> audioDelta(event, out);
			case "input_audio_buffer.speech_started" -> {
				this.callerSpeaking = true;
				out.add(new ProviderEvent.SpeechStarted());
			}
			case "input_audio_buffer.speech_stopped" -> {
				this.callerSpeaking = false;
				out.add(new ProviderEvent.SpeechStopped());
			}
			case "conversation.item.input_audio_transcription.delta" -> textDelta(true, event.path("delta"), out);
			case "input_audio_buffer.committed" -> reserve(event.path("item_id").asString(null));
			case "conversation.item.input_audio_transcription.completed" -> {
				String transcript = event.path("transcript").asString("");
				remember(event.path("item_id").asString(null), new ConversationItem.CallerText(transcript));
				out.add(new ProviderEvent.Transcript(true, transcript, true));
			}
			case "conversation.item.input_audio_transcription.failed" -> logger.warn("Caller transcription failed: "
					+ event.path("error").path("code").asString("") + " " + event.path("error").path("message"));
			case "response.output_audio_transcript.delta", "response.audio_transcript.delta" -> {
				if (!isCancelled(event)) {
					textDelta(false, event.path("delta"), out);
				}
			}
			case "response.output_audio_transcript.done", "response.audio_transcript.done" -> {
				String transcript = event.path("transcript").asString("");
				String itemId = event.path("item_id").asString(null);
				remember(itemId, new ConversationItem.AssistantText(heard(itemId, transcript)));
				out.add(new ProviderEvent.Transcript(false, transcript, true));
			}
			case "response.created" -> this.activeResponseId = event.path("response").path("id").asString(null);
			case "response.function_call_arguments.done" -> toolCall(event.path("item_id").asString(null),
					event.path("call_id").asString(""), event.path("name").asString(""),
					event.path("arguments").asString("{}"), out);
			case "response.done" -> responseDone(event.path("response"), out);
			case "rate_limits.updated" -> rateLimits(event.path("rate_limits"));
			default -> {
				// session lifecycle, item bookkeeping and content parts carry nothing the bridge acts on
			}
		}
	}

	private void audioDelta(JsonNode event, List<ProviderEvent> out) {
		if (isCancelled(event)) {
			return;
		}
		byte[] audio = Base64.getDecoder().decode(event.path("delta").asString(""));
		String itemId = event.path("item_id").asString(null);
		if (itemId != null && !itemId.equals(this.audioItemId)) {
			this.audioItemId = itemId;
			this.audioItemBytes = 0;
		}
		this.audioItemBytes += audio.length;
		out.add(new ProviderEvent.AudioDelta(audio));
	}

	private boolean isCancelled(JsonNode event) {
		return this.cancelledResponseId != null && this.cancelledResponseId.equals(event.path("response_id").asString(null));
	}

	private static void textDelta(boolean fromCaller, JsonNode delta, List<ProviderEvent> out) {
		if (delta.isString() && !delta.asString().isEmpty()) {
			out.add(new ProviderEvent.Transcript(fromCaller, delta.asString(), false));
		}
	}

	private void toolCall(String itemId, String callId, String name, String arguments,
			List<ProviderEvent> out) {
		if (this.reportedCallIds.add(callId)) {
			remember(itemId, new ConversationItem.FunctionCall(callId, name, arguments));
			out.add(new ProviderEvent.ToolCall(callId, name, arguments));
		}
	}

	private void responseDone(JsonNode response, List<ProviderEvent> out) {
		for (JsonNode item : response.path("output")) {
			if ("function_call".equals(item.path("type").asString(""))) {
				toolCall(item.path("id").asString(null), item.path("call_id").asString(""),
						item.path("name").asString(""),
						item.path("arguments").asString("{}"), out);
			}
		}
		String id = response.path("id").asString(null);
		if (id == null || id.equals(this.activeResponseId)) {
			this.activeResponseId = null;
		}
		OpenAiRealtimeUsage responseUsage = OpenAiRealtimeUsage.from(response.path("usage"));
		this.usage.add(responseUsage);
		if (logger.isDebugEnabled()) {
			logger.debug("Response " + id + " " + response.path("status").asString("") + ": " + responseUsage);
		}
		if ("failed".equals(response.path("status").asString(""))) {
			logger.warn("Response " + id + " failed: " + response.path("status_details"));
		}
		out.add(new ProviderEvent.ResponseDone());
	}

	private static void rateLimits(JsonNode limits) {
		for (JsonNode limit : limits) {
			if (limit.path("remaining").asLong(1) <= 0) {
				logger.warn("OpenAI Realtime rate limit '" + limit.path("name").asString("") + "' exhausted, resets in "
						+ limit.path("reset_seconds").asDouble() + " s");
			}
		}
	}

	/** Turns of another provider's part of the call, given to the first session: kept for later sessions too. */
	synchronized void carried(List<ConversationItem> items) {
		items.forEach((item) -> remember(null, item));
	}

	/** A result the bridge sent for a tool call, kept for a fresh session. */
	synchronized void toolResult(String callId, String output) {
		remember(null, new ConversationItem.FunctionCallOutput(callId, output));
	}

	/**
	 * The caller barged in: what to cancel and truncate. Later deltas of the cancelled response are dropped, and the
	 * truncation point never exceeds the audio received for the item (the API rejects that).
	 */
	synchronized Interruption interrupt(long playedMillis) {
		String responseId = this.activeResponseId;
		if (responseId != null) {
			this.cancelledResponseId = responseId;
			this.activeResponseId = null;
		}
		String itemId = this.audioItemId;
		long audioEndMs = 0;
		if (itemId != null) {
			long receivedMs = this.audioItemBytes * 1000 / this.outputFormat.bytesPerSecond();
			audioEndMs = Math.max(0, Math.min(playedMillis, receivedMs));
			if (receivedMs > 0 && audioEndMs < receivedMs) {
				this.heardShare.put(itemId, (double) audioEndMs / receivedMs);
				if (this.history.get(itemId) instanceof ConversationItem.AssistantText said) {
					remember(itemId, new ConversationItem.AssistantText(heard(itemId, said.text())));
				}
			}
			this.audioItemId = null;
			this.audioItemBytes = 0;
		}
		return new Interruption(responseId, itemId, audioEndMs);
	}

	/** Whether a session switch now would cut a reply or the caller's turn. */
	synchronized boolean busy() {
		return this.activeResponseId != null || this.callerSpeaking;
	}

	/** The conversation so far, oldest first, for replay into a fresh session (caller turns without text left out). */
	synchronized List<ConversationItem> history() {
		List<ConversationItem> items = new ArrayList<>(this.history.size());
		for (ConversationItem item : this.history.values()) {
			if (!(item instanceof ConversationItem.CallerText caller && caller.text() == null)) {
				items.add(item);
			}
		}
		return items;
	}

	/** A fresh session starts with no response and no audio item of its own. */
	synchronized void sessionReplaced() {
		this.activeResponseId = null;
		this.cancelledResponseId = null;
		this.audioItemId = null;
		this.audioItemBytes = 0;
		this.callerSpeaking = false;
	}

	synchronized OpenAiRealtimeUsage usage() {
		return this.usage.total();
	}

	/** Holds the place of a committed caller turn until its transcription arrives. */
	private void reserve(String itemId) {
		if (itemId != null && !this.history.containsKey(itemId)) {
			remember(itemId, new ConversationItem.CallerText(null));
		}
	}

	/** The part of an assistant transcript the caller heard, if the reply was cut short by a barge-in. */
	private String heard(String itemId, String transcript) {
		Double share = (itemId != null) ? this.heardShare.remove(itemId) : null;
		if (share == null || share >= 1) {
			return transcript;
		}
		int end = (int) Math.round(transcript.length() * share);
		int space = transcript.lastIndexOf(' ', end);
		return transcript.substring(0, (space > 0) ? space : end).strip() + "…";
	}

	/** Adds an item, or fills in the one already holding this item id's place. */
	private void remember(String itemId, ConversationItem item) {
		String key = (itemId != null) ? itemId : "local_" + (++this.unnamedItems);
		if (this.history.replace(key, item) == null) {
			if (this.history.size() == MAX_CARRIED_ITEMS) {
				this.history.remove(this.history.keySet().iterator().next());
			}
			this.history.put(key, item);
		}
	}

	/**
	 * @param responseId the response to cancel, or {@code null} when none is in progress
	 * @param itemId the assistant audio item to truncate, or {@code null} when none was received
	 * @param audioEndMs where to truncate it
	 */
	record Interruption(String responseId, String itemId, long audioEndMs) {
	}

}
