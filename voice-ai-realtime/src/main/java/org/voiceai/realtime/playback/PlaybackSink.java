package org.voiceai.realtime.playback;

import java.time.Duration;

import org.voiceai.realtime.config.ReturnMode;
import org.voiceai.realtime.esl.EslEvent;

/**
 * How a call's agent audio reaches FreeSWITCH for one {@link ReturnMode}. These classes are the only ones that know
 * mod_audio_stream's return formats. Frames arrive already paced at real time (see
 * {@link org.voiceai.realtime.audio.OutboundPacer}), as 20 ms of 16-bit PCM at the call's rate. Calls are serialised
 * by the call session; nothing here blocks.
 */
public interface PlaybackSink {

	ReturnMode mode();

	/** One 20 ms frame of agent audio. */
	void play(byte[] frame);

	/** The pacer has nothing more queued for now: send anything held back. */
	default void idle() {
	}

	/** Barge-in: make FreeSWITCH drop what it has buffered but not yet played. */
	void clear();

	/** An ESL event about this call (the file mode plays files when the module announces them). */
	default void onEslEvent(EslEvent event) {
	}

	/** How far ahead of real time the pacer should run for this mode. */
	default Duration extraLead() {
		return Duration.ZERO;
	}

}
