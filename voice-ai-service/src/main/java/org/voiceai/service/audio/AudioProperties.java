package org.voiceai.service.audio;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Audio files shared with FreeSWITCH ({@code voice-ai.audio.*}).
 *
 * @param directory the directory FreeSWITCH and this service share (same path on both sides): recordings are read
 * from it by path, synthesized speech is written to it (VOICE_AI_AUDIO_DIR)
 * @param publicUrl how FreeSWITCH reaches this service for {@code http_cache://} playback of {@code audio_url}
 * @param maxUpload largest audio accepted by {@code /transcribe} and {@code /turn}
 * @param cacheMaxSize the synthesized-speech cache is trimmed (least recently used first) above this size
 */
@ConfigurationProperties("voice-ai.audio")
public record AudioProperties(Path directory, @DefaultValue("http://127.0.0.1:8100") String publicUrl,
		@DefaultValue("10MB") DataSize maxUpload, @DefaultValue("512MB") DataSize cacheMaxSize) {
}
