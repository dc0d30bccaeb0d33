package org.voiceai.transfer;

import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the destination a caller (or the model) asked for among a domain's configured destinations, by name,
 * alias, department or number — case- and accent-insensitively ("Financeiro", "financeiro", "finanças"…). Only
 * configured destinations can match: a caller can never talk the secretary into dialling an arbitrary number.
 */
public final class DestinationMatcher {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9]+");

	private static final Set<String> HUMAN_WORDS = Set.of("atendente", "humano", "pessoa", "operador", "operator",
			"human", "agent", "recepcao", "recepcionista", "alguem");

	private DestinationMatcher() {
	}

	/**
	 * The best destination for {@code request}: an exact name/alias/department/number match first, then one whose
	 * words all appear in the request ("quero falar com o financeiro"), then the default destination when the
	 * caller just asks for a human. Ties go to the lower {@code priority}.
	 */
	public static Optional<TransferDestination> match(String request, List<TransferDestination> destinations) {
		if (request == null || request.isBlank() || destinations.isEmpty()) {
			return Optional.empty();
		}
		String wanted = normalize(request);
		Comparator<TransferDestination> byPriority = Comparator.comparingInt(TransferDestination::priority);
		Optional<TransferDestination> exact = destinations.stream()
			.filter((destination) -> keys(destination).stream().anyMatch(wanted::equals))
			.min(byPriority);
		if (exact.isPresent()) {
			return exact;
		}
		String padded = " " + wanted + " ";
		Optional<TransferDestination> contained = destinations.stream()
			.filter((destination) -> keys(destination).stream()
				.anyMatch((key) -> !key.isEmpty() && padded.contains(" " + key + " ")))
			.min(byPriority);
		if (contained.isPresent()) {
			return contained;
		}
		boolean asksForHuman = HUMAN_WORDS.stream().anyMatch((word) -> padded.contains(" " + word + " "));
		return asksForHuman ? destinations.stream().filter(TransferDestination::isDefault).min(byPriority)
				: Optional.empty();
	}

	/** The destinations open at {@code now}, in priority order. */
	public static List<TransferDestination> openAt(Instant now, List<TransferDestination> destinations) {
		return destinations.stream()
			.filter((destination) -> destination.workingHours().isOpen(now))
			.sorted(Comparator.comparingInt(TransferDestination::priority))
			.toList();
	}

	private static List<String> keys(TransferDestination destination) {
		List<String> keys = new ArrayList<>();
		keys.add(normalize(destination.name()));
		destination.aliases().forEach((alias) -> keys.add(normalize(alias)));
		if (destination.department() != null) {
			keys.add(normalize(destination.department()));
		}
		keys.add(normalize(destination.number()));
		return keys;
	}

	/** Lower case, accents removed, punctuation collapsed to single spaces. */
	static String normalize(String text) {
		if (text == null) {
			return "";
		}
		String stripped = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
		return NON_WORD.matcher(stripped.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
	}

}
