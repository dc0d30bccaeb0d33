<?php
/*
	Voice Secretary: voice_ai_service_client

	Calls the voice-ai service's REST API for the admin pages: the browser never talks to the service, the pages
	do, with the service token (Authorization: Bearer) and the domain of the logged-in user (X-Domain-UUID, taken
	from the session by the caller, never from the request).

	Every call returns ['status' => int, 'body' => mixed (decoded JSON, or raw text), 'error' => ?string].
	status 0 means the service could not be reached; error then says why (without the token).
	A non-2xx answer carries the service's problem detail (RFC 7807 "detail") in error.

	Needs php-curl. No FusionPBX function is used: PHPUnit tests the class against a stand-in HTTP server.
*/

	class voice_ai_service_client {

		/** @var string */
		private $base_url;

		/** @var string */
		private $token;

		/** @var string */
		private $domain_uuid;

		/** @var int */
		private $timeout_seconds;

		public function __construct(string $base_url, #[\SensitiveParameter] string $token, string $domain_uuid, int $timeout_seconds = 30) {
			$base_url = rtrim(trim($base_url), '/');
			if (!preg_match('#^https?://[^\s/]+#i', $base_url)) {
				throw new InvalidArgumentException('voice_ai_service_client: the service URL must start with http:// or https://');
			}
			if (!preg_match('/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i', $domain_uuid)) {
				throw new InvalidArgumentException('voice_ai_service_client: domain_uuid must be a uuid');
			}
			$this->base_url = $base_url;
			$this->token = $token;
			$this->domain_uuid = strtolower($domain_uuid);
			$this->timeout_seconds = $timeout_seconds;
		}

		/** GET a path under the base URL, with query parameters (null values left out). */
		public function get(string $path, array $query = []): array {
			return $this->request('GET', $this->url($path, $query), null, []);
		}

		/** POST a JSON body (null: no body). */
		public function post_json(string $path, $body = null): array {
			if ($body === null) {
				return $this->request('POST', $this->url($path), '', []);
			}
			return $this->request('POST', $this->url($path), json_encode($body, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES), ['Content-Type: application/json']);
		}

		/**
		 * POST a file as multipart/form-data part "file", with further text parts.
		 * @param string $file_path the uploaded file (e.g. $_FILES[..]['tmp_name'])
		 * @param string $file_name the name the user gave it
		 */
		public function post_file(string $path, string $file_path, string $file_name, array $fields = []): array {
			$parts = ['file' => new CURLFile($file_path, 'application/octet-stream', $file_name)];
			foreach ($fields as $name => $value) {
				if ($value !== null && $value !== '') {
					$parts[$name] = (string) $value;
				}
			}
			return $this->request('POST', $this->url($path), $parts, []);
		}

		public function delete(string $path): array {
			return $this->request('DELETE', $this->url($path), null, []);
		}

		/** The absolute URL of a path (each path segment is already safe: callers pass uuids and fixed words). */
		public function url(string $path, array $query = []): string {
			$query = array_filter($query, function ($value) { return $value !== null && $value !== ''; });
			return $this->base_url.'/'.ltrim($path, '/').(count($query) ? '?'.http_build_query($query) : '');
		}

		public function __debugInfo() {
			return ['base_url' => $this->base_url, 'token' => '(hidden)', 'domain_uuid' => $this->domain_uuid];
		}

		private function request(string $method, string $url, $body, array $headers): array {
			$curl = curl_init($url);
			$headers[] = 'Authorization: Bearer '.$this->token;
			$headers[] = 'X-Domain-UUID: '.$this->domain_uuid;
			$headers[] = 'Accept: application/json';
			curl_setopt_array($curl, [
				CURLOPT_CUSTOMREQUEST => $method,
				CURLOPT_RETURNTRANSFER => true,
				CURLOPT_HTTPHEADER => $headers,
				CURLOPT_CONNECTTIMEOUT => 5,
				CURLOPT_TIMEOUT => $this->timeout_seconds,
				CURLOPT_FOLLOWLOCATION => false,
				CURLOPT_PROTOCOLS => CURLPROTO_HTTP | CURLPROTO_HTTPS,
			]);
			if ($body !== null) {
				curl_setopt($curl, CURLOPT_POSTFIELDS, $body);
			}
			$response = curl_exec($curl);
			if ($response === false) {
				$error = curl_error($curl);
				curl_close($curl);
				return ['status' => 0, 'body' => null, 'error' => 'voice-ai service not reachable at '.$this->base_url.': '.$error];
			}
			$status = (int) curl_getinfo($curl, CURLINFO_RESPONSE_CODE);
			curl_close($curl);
			$decoded = ($response === '') ? null : json_decode($response, true);
			$body = ($decoded === null && $response !== '' && $response !== 'null') ? $response : $decoded;
			$error = null;
			if ($status < 200 || $status > 299) {
				$detail = is_array($body) ? ($body['detail'] ?? $body['message'] ?? $body['error'] ?? null) : null;
				$error = is_string($detail) && $detail !== '' ? $detail : 'voice-ai service answered HTTP '.$status;
			}
			return ['status' => $status, 'body' => $body, 'error' => $error];
		}

	}

?>
