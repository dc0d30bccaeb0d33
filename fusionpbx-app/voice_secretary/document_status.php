<?php
/*
	Voice Secretary: status and progress of the domain's documents as JSON, for the live refresh of documents.php.
	Proxies GET /api/v1/documents of the voice-ai service with the session's domain.
*/

//includes files
	require_once dirname(__DIR__, 2) . "/resources/require.php";
	require_once "resources/check_auth.php";

//the domain comes from the session only, never from the request
	$domain_uuid = $_SESSION['domain_uuid'];

//check permissions
	if (!permission_exists('voice_document_view')) {
		http_response_code(403);
		echo "access denied";
		exit;
	}

	session_write_close();
	header('Content-Type: application/json; charset=utf-8');
	header('Cache-Control: no-store');
	$answer = voice_ai_admin::service($settings, $domain_uuid)->get('/api/v1/documents');
	if ($answer['status'] != 200 || !is_array($answer['body'])) {
		http_response_code(502);
		echo json_encode(['error' => 'voice-ai service unavailable']);
		exit;
	}
	$documents = [];
	foreach ($answer['body'] as $row) {
		if (!is_array($row) || !is_uuid((string) ($row['document_uuid'] ?? ''))) {
			continue;
		}
		$documents[] = [
			'document_uuid' => $row['document_uuid'],
			'status' => (string) ($row['status'] ?? ''),
			'progress' => (int) ($row['progress'] ?? 0),
			'chunk_count' => (int) ($row['chunk_count'] ?? 0),
			'chunks_processed' => (int) ($row['chunks_processed'] ?? 0),
			'error' => isset($row['error']) ? (string) $row['error'] : null,
		];
	}
	echo json_encode($documents, JSON_HEX_TAG | JSON_HEX_AMP | JSON_HEX_APOS | JSON_HEX_QUOT);

?>
