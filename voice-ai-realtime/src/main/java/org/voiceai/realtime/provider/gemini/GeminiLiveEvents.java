package org.voiceai.realtime.provider.gemini;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.JsonNode;

import org.voiceai.providers.realtime.ProviderEvent;
import org.voiceai.realtime.provider.gemini.internal.Turn;

/**
 * Maps Gemini Live server messages to {@link ProviderEvent}s and keeps what the adapter needs: whether a model turn
 * or a caller turn is in progress, the incremental transcripts until their turn ends, the function calls awaiting a
 * result, the conversation so far (to carry it into a fresh session) and the token usage.
 * <p>
 * Gemini reports no "speech started": a caller's speech shows as {@code serverContent.interrupted} when it cuts a
 * model turn (generation is already cancelled), and as input transcription otherwise. Both become
 * {@link ProviderEvent.SpeechStarted}, so the call session clears what is still playing; an interrupted turn is over,
 * so a {@link ProviderEvent.ResponseDone} follows. Called on the socket's event loop and from the bridge, so its
 * methods are synchronized (no I/O under the lock; the conversation emits the events after the call returns).
 */
final class GeminiLiveEvents {

	/** Enough context for a fresh session. */
	static final int MAX_CARRIED_TURNS = 200;

	private static final Log logger = LogFactory.getLog(GeminiLiveEvents.class);

	/** Whether caller speech may interrupt the agent ({@code activity_handling}). */
	private final boolean interrupts;

	private final List<Turn> history = new ArrayList<>();

	private final Map<String, String> pendingCalls = new HashMap<>();

	private final Set<String> cancelledCalls = new HashSet<>();

	private final StringBuilder callerText = new StringBuilder();

	private final StringBuilder agentText = new StringBuilder();

	private boolean turnActive;

	private boolean discarding;

	private boolean callerSpeaking;

	private long turnAudioBytes;

	/** Share of the active turn's audio the caller heard before the bridge interrupted it; 1 when not interrupted. */
	private double heardShare = 1;

	/** Index in {@link #history} of the last agent text and the milliseconds of audio it had, for a late barge-in. */
	private int lastAgentIndex = -1;

	private long lastAgentAudioBytes;

	private long promptTokens;

	private long responseTokens;

	private long totalTokens;

	GeminiLiveEvents(boolean interrupts) {
		this.interrupts = interrupts;
	}

	/** Maps one message (other than setup, goAway and resumption updates, which the conversation handles). */
	synchronized void map(JsonNode message, List<ProviderEvent> out) {
		JsonNode content = field(message, "serverContent");
		if (content.isObject()) {
			serverContent(content, out);
		}
		JsonNode toolCall = field(message, "toolCall");
		if (toolCall.isObject()) {
			toolCall(toolCall, out);
		}
		JsonNode cancellation = field(message, "toolCallCancellation");
		if (cancellation.isObject()) {
			for (JsonNode id : cancellation.path("ids")) {
				if (this.pendingCalls.containsKey(id.asString(""))) {
					this.cancelledCalls.add(id.asString(""));
				}
			}
			logger.info("Gemini Live cancelled function calls " + cancellation.path("ids")
					+ " (the caller interrupted); their results will not be sent");
		}
		JsonNode usage = field(message, "usageMetadata");
		if (usage.isObject()) {
			this.promptTokens += field(usage, "promptTokenCount").asLong(0);
			this.responseTokens += field(usage, "responseTokenCount").asLong(0);
			this.totalTokens += field(usage, "totalTokenCount").asLong(0);
		}
	}

	private void serverContent(JsonNode content, List<ProviderEvent> out) {
		JsonNode input = field(content, "inputTranscription");
		if (input.isObject()) {
			callerTranscription(input, out);
		}
		for (JsonNode part : field(content, "modelTurn").path("parts")) {
			JsonNode inline = field(part, "inlineData");
			if (inline.isObject() && field(inline, "mimeType").asString("").startsWith("audio/pcm")) {
				startTurn(out);
				byte[] audio = Base64.getDecoder().decode(inline.path("data").asString(""));
				if (!this.discarding && audio.length > 0) {
					this.turnAudioBytes += audio.length;
					out.add(new ProviderEvent.AudioDelta(audio));
				}
			}
		}
		JsonNode output = field(content, "outputTranscription");
		String said = output.path("text").asString("");
		if (!said.isEmpty()) {
			startTurn(out);
			this.agentText.append(said);
			if (!this.discarding) {
				out.add(new ProviderEvent.Transcript(false, said, false));
			}
		}
		if (content.path("interrupted").asBoolean(false)) {
			interrupted(out);
		}
		if (field(content, "turnComplete").asBoolean(false)) {
			if (this.callerSpeaking && !this.turnActive) {
				endCallerTurn(out);
			}
			finishTurn(out);
		}
	}

	private void callerTranscription(JsonNode input, List<ProviderEvent> out) {
		String text = input.path("text").asString("");
		if (!text.isEmpty()) {
			if (!this.callerSpeaking) {
				this.callerSpeaking = true;
				// the caller speaks while no model turn runs: a reply may still be playing, so barge in
				if (this.interrupts && !this.turnActive) {
					out.add(new ProviderEvent.SpeechStarted());
				}
			}
			this.callerText.append(text);
			out.add(new ProviderEvent.Transcript(true, text, false));
		}
		if (input.path("finished").asBoolean(false) && this.callerSpeaking) {
			endCallerTurn(out);
		}
	}

	private void interrupted(List<ProviderEvent> out) {
		boolean alreadyCut = this.discarding;
		this.callerSpeaking = true;
		if (!alreadyCut) {
			out.add(new ProviderEvent.SpeechStarted());
		}
		finishTurn(out);
	}

	private void toolCall(JsonNode toolCall, List<ProviderEvent> out) {
		startTurn(out);
		for (JsonNode call : field(toolCall, "functionCalls")) {
			String id = call.path("id").asString("");
			String name = call.path("name").asString("");
			JsonNode args = call.path("args");
			String argsJson = args.isObject() ? args.toString() : "{}";
			this.pendingCalls.put(id, name);
			remember(new Turn.FunctionCall(id, name, argsJson));
			out.add(new ProviderEvent.ToolCall(id, name, argsJson));
		}
		// the model waits for the results: the reply that called the tools is over
		finishTurn(out);
	}

	/** A model turn shows its first content: the caller's turn, if one was running, is over. */
	private void startTurn(List<ProviderEvent> out) {
		if (this.turnActive) {
			return;
		}
		if (this.callerSpeaking) {
			endCallerTurn(out);
		}
		this.turnActive = true;
		this.discarding = false;
		this.heardShare = 1;
		this.turnAudioBytes = 0;
		this.agentText.setLength(0);
	}

	private void endCallerTurn(List<ProviderEvent> out) {
		this.callerSpeaking = false;
		out.add(new ProviderEvent.SpeechStopped());
		String text = this.callerText.toString().strip();
		this.callerText.setLength(0);
		if (!text.isEmpty()) {
			remember(new Turn.CallerText(text));
			out.add(new ProviderEvent.Transcript(true, text, true));
		}
	}

	/** The active model turn ended (complete, interrupted, or handed to tools): its transcript and ResponseDone. */
	private void finishTurn(List<ProviderEvent> out) {
		if (!this.turnActive) {
			return;
		}
		this.turnActive = false;
		this.discarding = false;
		String text = this.agentText.toString().strip();
		this.agentText.setLength(0);
		if (!text.isEmpty()) {
			this.lastAgentIndex = remember(new Turn.AgentText(cut(text, this.heardShare)));
			this.lastAgentAudioBytes = (this.heardShare < 1) ? 0 : this.turnAudioBytes;
			out.add(new ProviderEvent.Transcript(false, text, true));
		}
		out.add(new ProviderEvent.ResponseDone());
	}

	/**
	 * The bridge heard the caller barge in after {@code playedMillis} of the current reply: the rest of an active turn
	 * is dropped as it arrives (Gemini has no cancel message; with automatic activity detection it stops generating by
	 * itself), and the reply is kept in the history as far as the caller heard it.
	 */
	synchronized void interrupt(long playedMillis) {
		long bytesPerSecond = GeminiLiveSettings.OUTPUT_FORMAT.bytesPerSecond();
		if (this.turnActive) {
			this.discarding = true;
			long receivedMs = this.turnAudioBytes * 1000 / bytesPerSecond;
			this.heardShare = (receivedMs > 0) ? Math.min(1, (double) Math.max(0, playedMillis) / receivedMs) : 0;
			return;
		}
		if (this.lastAgentIndex >= 0 && this.lastAgentAudioBytes > 0
				&& this.history.get(this.lastAgentIndex) instanceof Turn.AgentText said) {
			long receivedMs = this.lastAgentAudioBytes * 1000 / bytesPerSecond;
			if (playedMillis < receivedMs) {
				this.history.set(this.lastAgentIndex,
						new Turn.AgentText(cut(said.text(), (double) Math.max(0, playedMillis) / receivedMs)));
			}
			this.lastAgentAudioBytes = 0;
		}
	}

	/** Records a tool result for the history; returns the function's name, or {@code null} if the call is gone. */
	synchronized String toolResult(String callId, String resultJson) {
		String name = this.pendingCalls.remove(callId);
		if (name == null || this.cancelledCalls.remove(callId)) {
			return null;
		}
		remember(new Turn.FunctionResult(callId, name, resultJson));
		return name;
	}

	/** Whether a connection switch now would cut a reply or the caller's turn. */
	synchronized boolean busy() {
		return this.turnActive || this.callerSpeaking || !this.pendingCalls.isEmpty();
	}

	/** Turns of another provider's part of the call, given to the first connection: kept for later ones too. */
	synchronized void carried(List<Turn> turns) {
		turns.forEach(this::remember);
	}

	/** The conversation so far, oldest first. */
	synchronized List<Turn> history() {
		return List.copyOf(this.history);
	}

	/** A fresh connection starts with no turn of its own; one still open on the old connection is over. */
	synchronized void connectionReplaced(List<ProviderEvent> out) {
		if (this.callerSpeaking) {
			endCallerTurn(out);
		}
		finishTurn(out);
	}

	synchronized String usage() {
		return "prompt=" + this.promptTokens + " response=" + this.responseTokens + " total=" + this.totalTokens
				+ " tokens";
	}

	private int remember(Turn turn) {
		if (this.history.size() == MAX_CARRIED_TURNS) {
			this.history.remove(0);
			this.lastAgentIndex--;
		}
		this.history.add(turn);
		return this.history.size() - 1;
	}

	/** The part of a reply the caller heard, ending at a word, marked as cut. */
	private static String cut(String text, double share) {
		if (share >= 1) {
			return text;
		}
		int end = (int) Math.round(text.length() * share);
		int space = text.lastIndexOf(' ', end);
		return text.substring(0, (space > 0) ? space : end).strip() + "…";
	}

	/** The field in camelCase or snake_case: proto-JSON allows both. */
	static JsonNode field(JsonNode node, String camel) {
		JsonNode value = node.path(camel);
		if (!value.isMissingNode()) {
			return value;
		}
		StringBuilder snake = new StringBuilder(camel.length() + 4);
		for (char c : camel.toCharArray()) {
			if (Character.isUpperCase(c)) {
				snake.append('_').append(Character.toLowerCase(c));
			}
			else {
				snake.append(c);
			}
		}
		return node.path(snake.toString());
	}

}
