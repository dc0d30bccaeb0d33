package org.voiceai.audio;

/** Sample encodings that travel between FreeSWITCH and the providers. */
public enum AudioEncoding {

	/** Signed 16-bit little-endian linear PCM (FreeSWITCH's L16, OpenAI's pcm16). */
	PCM16,

	/** G.711 μ-law, one byte per sample (PCMU). */
	ULAW,

	/** G.711 A-law, one byte per sample (PCMA). */
	ALAW;

	public int bytesPerSample() {
		return (this == PCM16) ? 2 : 1;
	}

}
