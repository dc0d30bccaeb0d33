package org.voiceai.providers.vectorstore;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

/**
 * One space's Lucene index: an HNSW graph of unit vectors (dot product = cosine similarity) plus the stored chunk
 * text and source. The writer stays open and searches use near-real-time readers, so a search costs no index open;
 * every change is committed before it is acknowledged, so an acknowledged chunk survives a crash.
 */
final class LuceneSpaceIndex implements Closeable {

	private static final String ID = "id";

	private static final String TEXT = "text";

	private static final String VECTOR = "vector";

	/**
	 * HNSW search explores as many candidates as it is asked for; asking for at least this many keeps the approximate
	 * top few as good as an exact search. (Knowledge searches ask for 32 passages, for 4 chunks.)
	 */
	private static final int MIN_CANDIDATES = 32;

	private static final int SEGMENTS_PER_TIER = 4;

	private final Path path;

	private final FSDirectory directory;

	private final IndexWriter writer;

	private final SearcherManager searchers;

	LuceneSpaceIndex(Path path) throws IOException {
		this.path = path;
		this.directory = FSDirectory.open(path);
		KnnVectorsFormat vectors = new WideVectorsFormat();
		// Each segment has its own HNSW graph and a search visits them all, so fewer, larger segments (4 per tier
		// instead of 10) trade some merging while documents arrive for faster searches afterwards.
		TieredMergePolicy merges = new TieredMergePolicy();
		merges.setSegmentsPerTier(SEGMENTS_PER_TIER);
		IndexWriterConfig config = new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
			.setMergePolicy(merges)
			.setCodec(new Lucene912Codec() {
				@Override
				public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
					return vectors;
				}
			});
		try {
			this.writer = new IndexWriter(this.directory, config);
			this.searchers = new SearcherManager(this.writer, null);
		}
		catch (IOException | RuntimeException ex) {
			this.directory.close();
			throw ex;
		}
	}

	void add(List<VectorEntry> entries) throws IOException {
		for (VectorEntry entry : entries) {
			this.writer.updateDocument(new Term(ID, entry.id().toString()), toDocument(entry));
		}
		commit();
	}

	void removeDocument(UUID documentUuid) throws IOException {
		this.writer.deleteDocuments(new Term(ChunkSource.DOCUMENT_UUID, documentUuid.toString()));
		commit();
	}

	List<VectorMatch> search(VectorQuery query) throws IOException {
		IndexSearcher searcher = this.searchers.acquire();
		try {
			int candidates = Math.max(query.topK(), MIN_CANDIDATES);
			KnnFloatVectorQuery knn = new KnnFloatVectorQuery(VECTOR, UnitVectors.normalized(query.vector()), candidates,
					secretaryFilter(query));
			TopDocs top = searcher.search(knn, candidates);
			StoredFields stored = searcher.storedFields();
			List<VectorMatch> matches = new ArrayList<>();
			for (ScoreDoc hit : top.scoreDocs) {
				// Lucene's DOT_PRODUCT score is (1 + cosine) / 2: the scale VectorMatch promises.
				if (hit.score < query.minScore() || matches.size() == query.topK()) {
					break;
				}
				matches.add(toMatch(stored.document(hit.doc), hit.score));
			}
			return matches;
		}
		finally {
			this.searchers.release(searcher);
		}
	}

	/**
	 * Merges the index into one segment (one HNSW graph) and commits it, unless it already is one. Searches keep using
	 * the current searcher meanwhile; writes may go on and land in new segments.
	 * @return the number of segments before
	 */
	int mergeToOneSegment() throws IOException {
		int segments = segmentCount();
		if (segments > 1) {
			this.writer.forceMerge(1);
			commit();
		}
		return segments;
	}

	/** Segments the current searcher sees: each costs a search one more HNSW graph walk. */
	int segmentCount() throws IOException {
		IndexSearcher searcher = this.searchers.acquire();
		try {
			return searcher.getIndexReader().leaves().size();
		}
		finally {
			this.searchers.release(searcher);
		}
	}

	private void commit() throws IOException {
		this.writer.commit();
		this.searchers.maybeRefreshBlocking();
	}

	private static Query secretaryFilter(VectorQuery query) {
		if (query.secretaryUuid() == null) {
			return null;
		}
		return new BooleanQuery.Builder()
			.add(new TermQuery(new Term(ChunkSource.SECRETARY_UUID, query.secretaryUuid().toString())),
					BooleanClause.Occur.SHOULD)
			.add(new TermQuery(new Term(ChunkSource.SECRETARY_UUID, ChunkSource.SHARED)), BooleanClause.Occur.SHOULD)
			.build();
	}

	private static Document toDocument(VectorEntry entry) {
		ChunkSource source = entry.source();
		Document document = new Document();
		document.add(new StringField(ID, entry.id().toString(), Field.Store.YES));
		document.add(new StringField(ChunkSource.DOCUMENT_UUID, source.documentUuid().toString(), Field.Store.YES));
		document.add(new StringField(ChunkSource.SECRETARY_UUID, source.secretaryKey(), Field.Store.YES));
		document.add(new StoredField(ChunkSource.DOCUMENT_NAME, source.documentName()));
		document.add(new StoredField(ChunkSource.CHUNK_INDEX, source.chunkIndex()));
		if (source.pageNumber() != null) {
			document.add(new StoredField(ChunkSource.PAGE_NUMBER, source.pageNumber()));
		}
		document.add(new StoredField(TEXT, entry.text()));
		document.add(new KnnFloatVectorField(VECTOR, UnitVectors.normalized(entry.vector()),
				VectorSimilarityFunction.DOT_PRODUCT));
		return document;
	}

	private static VectorMatch toMatch(Document document, float score) {
		Number page = document.getField(ChunkSource.PAGE_NUMBER) != null
				? document.getField(ChunkSource.PAGE_NUMBER).numericValue() : null;
		String secretary = document.get(ChunkSource.SECRETARY_UUID);
		ChunkSource source = new ChunkSource(UUID.fromString(document.get(ChunkSource.DOCUMENT_UUID)),
				ChunkSource.SHARED.equals(secretary) ? null : UUID.fromString(secretary),
				document.get(ChunkSource.DOCUMENT_NAME),
				document.getField(ChunkSource.CHUNK_INDEX).numericValue().intValue(),
				(page != null) ? page.intValue() : null);
		return new VectorMatch(UUID.fromString(document.get(ID)), source, document.get(TEXT), score);
	}

	/**
	 * Closes without committing: every acknowledged change is already committed, and rolling back aborts a running
	 * merge instead of waiting for it (an unfinished merge leaves the last commit as the index).
	 */
	@Override
	public void close() throws IOException {
		try (FSDirectory closing = this.directory) {
			try {
				this.searchers.close();
			}
			finally {
				this.writer.rollback();
			}
		}
	}

	@Override
	public String toString() {
		return this.path.toString();
	}

}
