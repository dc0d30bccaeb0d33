package org.voiceai.realtime.config;

import java.util.Locale;

/**
 * How the bridge sends the agent's audio back to FreeSWITCH. The three mod_audio_stream editions differ, so this is a
 * deployment setting (overridable per call by the stream URL's {@code return_mode}).
 */
public enum ReturnMode {

	/** Binary PCM frames after a {@code rawAudio} rate announcement (commercial build with STREAM_PLAYBACK, forks). */
	RAW,

	/** {@code streamAudio} JSON messages that the fork injects live, with its clear message on barge-in. */
	JSON,

	/**
	 * The open-source module: each {@code streamAudio} becomes a file and a {@code mod_audio_stream::play} event; the
	 * bridge plays the files over ESL ({@code uuid_broadcast}) and stops them with {@code uuid_break}.
	 */
	FILE;

	/** Parses {@code raw}, {@code json} or {@code file} (any case). */
	public static ReturnMode parse(String text) {
		try {
			return valueOf(text.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("return_mode must be raw, json or file, not '" + text + "'");
		}
	}

}
