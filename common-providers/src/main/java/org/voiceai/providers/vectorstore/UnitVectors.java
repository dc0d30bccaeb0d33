package org.voiceai.providers.vectorstore;

/**
 * Scales vectors to length 1, so that a dot product is their cosine similarity whatever the embedding model
 * returns (some normalise, some do not).
 */
final class UnitVectors {

	private UnitVectors() {
	}

	static float[] normalized(float[] vector) {
		double sum = 0;
		for (float value : vector) {
			sum += value * value;
		}
		if (sum == 0) {
			throw new IllegalArgumentException("a zero vector has no direction to compare");
		}
		double norm = Math.sqrt(sum);
		if (Math.abs(norm - 1) < 1e-6) {
			return vector;
		}
		float[] unit = new float[vector.length];
		for (int i = 0; i < vector.length; i++) {
			unit[i] = (float) (vector[i] / norm);
		}
		return unit;
	}

}
