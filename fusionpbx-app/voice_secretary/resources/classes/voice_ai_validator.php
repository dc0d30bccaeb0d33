<?php
/*
	Voice Secretary: voice_ai_validator

	Checks the values of a submitted form and converts them to what the database stores: trimmed text or null,
	integers, decimals, booleans as 'true'/'false', JSON text. Each check records a message per field when the
	value is wrong and returns the converted value (null when wrong or empty), so a page runs every check, then
	shows all messages at once.

	Messages are sprintf formats with the field's label first; pages pass their translated formats
	($text['message-required'] ...). No FusionPBX function is used: PHPUnit tests the class under php-cli.
*/

	class voice_ai_validator {

		const uuid_pattern = '/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i';

		/** @var array<string,string> */
		private $formats = [
			'required' => '%s is required.',
			'integer' => '%s must be a whole number from %s to %s.',
			'decimal' => '%s must be a number from %s to %s.',
			'choice' => '%s has a value that is not offered.',
			'uuid' => '%s is not a valid id.',
			'url' => '%s must be an http:// or https:// address.',
			'json' => '%s must be a JSON object.',
			'time' => '%s must be a time as HH:MM.',
			'timezone' => '%s is not a known time zone.',
			'length' => '%s is longer than %s characters.',
		];

		/** @var array<string,string> field => message */
		private $errors = [];

		/**
		 * @param array<string,string> $formats translated message formats, by the keys of $formats above
		 */
		public function __construct(array $formats = []) {
			foreach ($formats as $key => $format) {
				if (isset($this->formats[$key]) && is_string($format) && $format !== '') {
					$this->formats[$key] = $format;
				}
			}
		}

		/** Trimmed text, or null when empty; required adds a message when empty. */
		public function text(string $field, string $label, $value, bool $required = false, int $max_length = 0): ?string {
			$value = is_scalar($value) ? trim((string) $value) : '';
			if ($value === '') {
				if ($required) {
					$this->fail($field, 'required', $label);
				}
				return null;
			}
			if ($max_length > 0 && mb_strlen($value, 'UTF-8') > $max_length) {
				$this->fail($field, 'length', $label, $max_length);
				return null;
			}
			return $value;
		}

		/** A whole number within [min, max], or null when empty (message when required) or wrong. */
		public function integer(string $field, string $label, $value, int $min, int $max, bool $required = false): ?int {
			$text = is_scalar($value) ? trim((string) $value) : '';
			if ($text === '') {
				if ($required) {
					$this->fail($field, 'required', $label);
				}
				return null;
			}
			if (!preg_match('/^[+-]?[0-9]{1,10}$/', $text) || (int) $text < $min || (int) $text > $max) {
				$this->fail($field, 'integer', $label, $min, $max);
				return null;
			}
			return (int) $text;
		}

		/** A decimal within [min, max] (a comma is read as the decimal point), as text for a numeric column. */
		public function decimal(string $field, string $label, $value, float $min, float $max, bool $required = false): ?string {
			$text = is_scalar($value) ? str_replace(',', '.', trim((string) $value)) : '';
			if ($text === '') {
				if ($required) {
					$this->fail($field, 'required', $label);
				}
				return null;
			}
			if (!preg_match('/^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$/', $text) || (float) $text < $min || (float) $text > $max) {
				$this->fail($field, 'decimal', $label, $min, $max);
				return null;
			}
			return $text;
		}

		/** One of the offered values, or null when empty (message when required) or not offered. */
		public function choice(string $field, string $label, $value, array $allowed, bool $required = false): ?string {
			$text = is_scalar($value) ? trim((string) $value) : '';
			if ($text === '') {
				if ($required) {
					$this->fail($field, 'required', $label);
				}
				return null;
			}
			if (!in_array($text, array_map('strval', $allowed), true)) {
				$this->fail($field, 'choice', $label);
				return null;
			}
			return $text;
		}

		/** A checkbox or true/false select: 'true' or 'false', never null. */
		public function boolean($value): string {
			return in_array(is_scalar($value) ? strtolower(trim((string) $value)) : '', ['true', '1', 'on', 'yes'], true) ? 'true' : 'false';
		}

		/** A uuid in lowercase, or null when empty (message when required) or malformed. */
		public function uuid(string $field, string $label, $value, bool $required = false): ?string {
			$text = is_scalar($value) ? trim((string) $value) : '';
			if ($text === '') {
				if ($required) {
					$this->fail($field, 'required', $label);
				}
				return null;
			}
			if (!self::is_uuid($text)) {
				$this->fail($field, 'uuid', $label);
				return null;
			}
			return strtolower($text);
		}

		/** An http(s) URL with a host, or null. */
		public function url(string $field, string $label, $value, bool $required = false): ?string {
			$text = $this->text($field, $label, $value, $required, 2048);
			if ($text === null) {
				return null;
			}
			$scheme = strtolower((string) parse_url($text, PHP_URL_SCHEME));
			$host = parse_url($text, PHP_URL_HOST);
			if (!in_array($scheme, ['http', 'https'], true) || !is_string($host) || $host === '' || preg_match('/\s/', $text)) {
				$this->fail($field, 'url', $label);
				return null;
			}
			return $text;
		}

		/** JSON text of an object (an empty value gives '{}'), re-encoded compactly; null when not an object. */
		public function json_object(string $field, string $label, $value): ?string {
			$text = is_scalar($value) ? trim((string) $value) : '';
			if ($text === '') {
				return '{}';
			}
			$decoded = json_decode($text, false);
			if (!($decoded instanceof stdClass)) {
				$this->fail($field, 'json', $label);
				return null;
			}
			return json_encode($decoded, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES);
		}

		/** Comma- or line-separated words as a JSON array of distinct non-empty strings. */
		public function list_as_json($value): string {
			$text = is_scalar($value) ? (string) $value : '';
			$items = [];
			foreach (preg_split('/[,\n\r]+/', $text) as $item) {
				$item = trim($item);
				if ($item !== '' && !in_array($item, $items, true)) {
					$items[] = $item;
				}
			}
			return json_encode($items, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES);
		}

		/**
		 * Working hours as the Java side reads them (org.voiceai.transfer.WorkingHours):
		 * {"days":["mon",...],"start":"08:00","end":"18:00","timezone":"America/Sao_Paulo"}.
		 * No day and no times means always open: null.
		 */
		public function working_hours(string $field, string $label, $days, $start, $end, $timezone): ?string {
			$week = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
			$days = is_array($days) ? array_values(array_intersect($week, array_map('strval', $days))) : [];
			$start = is_scalar($start) ? trim((string) $start) : '';
			$end = is_scalar($end) ? trim((string) $end) : '';
			$timezone = is_scalar($timezone) ? trim((string) $timezone) : '';
			if (count($days) === 0 && $start === '' && $end === '') {
				return null;
			}
			$ok = true;
			foreach ([$start, $end] as $time) {
				if (!preg_match('/^([01][0-9]|2[0-3]):[0-5][0-9]$/', $time)) {
					$ok = false;
				}
			}
			if (!$ok) {
				$this->fail($field, 'time', $label);
				return null;
			}
			if (count($days) === 0) {
				$this->fail($field, 'required', $label);
				return null;
			}
			if ($timezone === '') {
				$timezone = 'UTC';
			}
			if (!in_array($timezone, timezone_identifiers_list(), true) && $timezone !== 'UTC') {
				$this->fail($field, 'timezone', $label);
				return null;
			}
			return json_encode(['days' => $days, 'start' => $start, 'end' => $end, 'timezone' => $timezone], JSON_UNESCAPED_SLASHES);
		}

		/** Records a message for a field (the first one per field wins). */
		public function fail(string $field, string $kind, string $label, ...$arguments): void {
			if (!isset($this->errors[$field])) {
				$format = $this->formats[$kind] ?? $kind;
				$this->errors[$field] = vsprintf($format, array_merge([$label], $arguments));
			}
		}

		public function valid(): bool {
			return count($this->errors) === 0;
		}

		/** @return array<string,string> field => message, in the order found */
		public function errors(): array {
			return $this->errors;
		}

		public static function is_uuid($value): bool {
			return is_string($value) && preg_match(self::uuid_pattern, $value) === 1;
		}

	}

?>
