package org.voiceai.realtime.provider.pipeline;

import java.util.ArrayList;
import java.util.List;

import dev.langchain4j.model.chat.response.ChatResponse;
import reactor.core.Disposable;

/**
 * One reply being written and spoken: the sentences handed to the bridge, where each starts in the reply's audio
 * (to tell what a caller heard before interrupting), and when each stage first produced something. Changed under the
 * conversation's lock, except {@link #firstEvent()}, which the model's stream calls.
 */
final class PipelineReply {

	final long startedAt;

	volatile long firstEventAt = -1;

	long firstAudioAt = -1;

	/** Milliseconds of audio handed to the bridge so far. */
	long audioMillis;

	ChatResponse response;

	volatile Disposable subscription;

	private final List<Sentence> sentences = new ArrayList<>();

	PipelineReply(long startedAt) {
		this.startedAt = startedAt;
	}

	void firstEvent() {
		if (this.firstEventAt < 0) {
			this.firstEventAt = System.nanoTime();
		}
	}

	/** A sentence whose audio, {@code millis} long, follows what was handed over before. */
	void spoken(String text, long millis) {
		if (this.firstAudioAt < 0) {
			this.firstAudioAt = System.nanoTime();
		}
		this.sentences.add(new Sentence(text, this.audioMillis));
		this.audioMillis += millis;
	}

	/** Everything spoken, as one text. */
	String spokenText() {
		return heardText(Long.MAX_VALUE);
	}

	/** The sentences whose audio had started after {@code playedMillis} of the reply played. */
	String heardText(long playedMillis) {
		StringBuilder text = new StringBuilder();
		for (Sentence sentence : this.sentences) {
			if (sentence.startMillis() >= playedMillis) {
				break;
			}
			if (!text.isEmpty()) {
				text.append(' ');
			}
			text.append(sentence.text());
		}
		return text.toString();
	}

	void cancel() {
		Disposable current = this.subscription;
		if (current != null) {
			current.dispose();
		}
	}

	private record Sentence(String text, long startMillis) {
	}

}
