package org.voiceai.providers.vectorstore;

import java.time.Duration;

/**
 * Where ChromaDB is ({@code voice-ai.vector-store.chroma.*}).
 *
 * @param url base URL, e.g. {@code http://chromadb:8000} inside docker-compose (VOICE_AI_CHROMA_URL)
 * @param tenant Chroma tenant; created when missing
 * @param database Chroma database within the tenant; created when missing
 * @param timeout the longest one Chroma call may take
 */
public record ChromaSettings(String url, String tenant, String database, Duration timeout) {

}
