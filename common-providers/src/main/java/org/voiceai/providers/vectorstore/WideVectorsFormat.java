package org.voiceai.providers.vectorstore;

import java.io.IOException;

import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.KnnVectorsReader;
import org.apache.lucene.codecs.KnnVectorsWriter;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.index.SegmentReadState;
import org.apache.lucene.index.SegmentWriteState;

/**
 * Lucene's HNSW vector format with a higher dimension limit. Lucene refuses vectors over 1024 dimensions by default,
 * but common embedding models are wider (OpenAI's text-embedding-3-small has 1536, -large 3072). The files are
 * exactly Lucene99's and carry its name, so any Lucene 9.12 reader opens them.
 */
final class WideVectorsFormat extends KnnVectorsFormat {

	static final int MAX_DIMENSIONS = 4096;

	private final KnnVectorsFormat delegate;

	WideVectorsFormat() {
		this(new Lucene99HnswVectorsFormat());
	}

	private WideVectorsFormat(KnnVectorsFormat delegate) {
		super(delegate.getName());
		this.delegate = delegate;
	}

	@Override
	public KnnVectorsWriter fieldsWriter(SegmentWriteState state) throws IOException {
		return this.delegate.fieldsWriter(state);
	}

	@Override
	public KnnVectorsReader fieldsReader(SegmentReadState state) throws IOException {
		return this.delegate.fieldsReader(state);
	}

	@Override
	public int getMaxDimensions(String fieldName) {
		return MAX_DIMENSIONS;
	}

}
