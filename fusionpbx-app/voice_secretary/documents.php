<?php
/*
	Voice Secretary: the knowledge base. Everything goes through the voice-ai service's /api/v1/documents API
	(it parses, chunks and embeds in the background); this page proxies with the service token and the session's
	domain, the browser never talks to the service. The status and progress of each document refresh live
	from document_status.php.
*/

//includes files
	require_once dirname(__DIR__, 2) . "/resources/require.php";
	require_once "resources/check_auth.php";

//the domain comes from the session only, never from the request
	$domain_uuid = $_SESSION['domain_uuid'];

//check permissions
	if (!permission_exists('voice_document_view')) {
		echo "access denied";
		exit;
	}

//add multi-lingual support
	$language = new text;
	$text = $language->get();

	$service = voice_ai_admin::service($settings, $domain_uuid);
	$secretary_options = voice_ai_admin::secretaries($database, $domain_uuid);

//upload, reprocess, delete
	$error = null;
	if ($_SERVER['REQUEST_METHOD'] == 'POST') {
		$token = new token;
		if (!$token->validate($_SERVER['PHP_SELF'])) {
			message::add($text['message-invalid_token'], 'negative');
			header('Location: documents.php');
			exit;
		}
		$action = $_POST['action'] ?? '';
		$document_uuid = $_POST['document_uuid'] ?? '';
		if ($action == 'upload') {
			if (!permission_exists('voice_document_add')) {
				echo "access denied";
				exit;
			}
			$file = $_FILES['document_file'] ?? null;
			$secretary_uuid = $_POST['secretary_uuid'] ?? '';
			if (!is_array($file) || ($file['error'] ?? UPLOAD_ERR_NO_FILE) == UPLOAD_ERR_NO_FILE) {
				$error = $text['message-choose_file'];
			}
			elseif ($file['error'] == UPLOAD_ERR_INI_SIZE || $file['error'] == UPLOAD_ERR_FORM_SIZE) {
				$error = $text['message-file_too_large'];
			}
			elseif ($file['error'] != UPLOAD_ERR_OK || !is_uploaded_file($file['tmp_name'])) {
				$error = $text['message-upload_failed'];
			}
			elseif ($secretary_uuid !== '' && !isset($secretary_options[$secretary_uuid])) {
				$error = $text['message-not_found'];
			}
			else {
				$answer = $service->post_file('/api/v1/documents', $file['tmp_name'], basename((string) $file['name']),
					['secretary_uuid' => $secretary_uuid, 'title' => trim((string) ($_POST['title'] ?? ''))]);
				if ($answer['status'] == 202) {
					message::add($text['message-uploaded']);
					header('Location: documents.php');
					exit;
				}
				if ($answer['status'] == 200) {
					message::add($text['message-already_known']);
					header('Location: documents.php');
					exit;
				}
				$error = $text['message-upload_failed'].' '.$answer['error'];
			}
		}
		elseif (($action == 'reprocess' || $action == 'delete') && is_uuid($document_uuid)) {
			if (!permission_exists($action == 'delete' ? 'voice_document_delete' : 'voice_document_edit')) {
				echo "access denied";
				exit;
			}
			//the service answers 404 for another domain's document (X-Domain-UUID is the session's domain)
			$answer = ($action == 'delete')
				? $service->delete('/api/v1/documents/'.strtolower($document_uuid))
				: $service->post_json('/api/v1/documents/'.strtolower($document_uuid).'/reprocess');
			if ($answer['status'] >= 200 && $answer['status'] < 300) {
				message::add($action == 'delete' ? $text['message-delete'] : $text['message-reprocessing']);
				header('Location: documents.php');
				exit;
			}
			$error = ($answer['status'] == 404) ? $text['message-not_found'] : $answer['error'];
		}
	}

//the domain's documents, from the service
	$answer = $service->get('/api/v1/documents');
	$documents = ($answer['status'] == 200 && is_array($answer['body'])) ? $answer['body'] : [];
	if ($answer['status'] != 200 && $error === null) {
		$error = $text['message-service_unavailable'].' '.$answer['error'];
	}

//create token
	$object = new token;
	$token = $object->create($_SERVER['PHP_SELF']);

//include the header
	$document['title'] = $text['title-documents'];
	require_once "resources/header.php";

//show the content
	echo voice_ai_admin::nav($text, 'documents');
	echo "<div class='action_bar' id='action_bar'>\n";
	echo "	<div class='heading'><b>".escape($text['title-documents'])."</b> (".count($documents).")</div>\n";
	echo "</div>\n";
	echo escape($text['description-documents'])."\n<br><br>\n";
	if ($error !== null) {
		echo "<div class='message message-negative' id='document_error' role='alert'>".escape($error)."</div>\n";
	}

	if (permission_exists('voice_document_add')) {
		echo "<form method='post' enctype='multipart/form-data' id='form_upload' action='documents.php'>\n";
		echo "<table width='100%' border='0' cellpadding='0' cellspacing='0'>\n";
		echo voice_ai_admin::row($text['label-document_file'], "<input type='file' name='document_file' id='document_file' accept='.pdf,.docx,.txt,.md,.markdown,text/plain,application/pdf'>", true, $text['description-document_file']);
		echo voice_ai_admin::row($text['label-title'], voice_ai_admin::input('title', ''), false, $text['description-title']);
		echo voice_ai_admin::row($text['label-secretary'], voice_ai_admin::select('secretary_uuid', $secretary_options, '', $text['option-all_secretaries']));
		echo "</table>\n";
		echo "<input type='hidden' name='action' value='upload'>\n";
		echo voice_ai_admin::token_input($token)."\n";
		echo "<div style='margin:8px 0 16px 0'>".button::create(['type' => 'submit', 'label' => escape($text['button-upload']), 'id' => 'btn_upload'])."</div>\n";
		echo "</form>\n";
	}

	echo "<table class='list' id='documents'>\n";
	echo "<tr class='list-header'>\n";
	foreach (['document_name', 'document_type', 'secretary', 'file_size', 'status', 'progress', 'chunk_count', 'insert_date', ''] as $column) {
		echo "	<th>".($column !== '' ? escape($text['label-'.$column]) : '')."</th>\n";
	}
	echo "</tr>\n";
	foreach ($documents as $row) {
		$uuid = (string) ($row['document_uuid'] ?? '');
		if (!is_uuid($uuid)) {
			continue;
		}
		echo "<tr class='list-row' data-document='".escape($uuid)."'>\n";
		echo "	<td class='document-name'>".escape($row['document_name'] ?? '')."</td>\n";
		echo "	<td>".escape($row['document_type'] ?? '')."</td>\n";
		echo "	<td>".escape(isset($row['secretary_uuid']) ? ($secretary_options[$row['secretary_uuid']] ?? '') : $text['option-all_secretaries'])."</td>\n";
		echo "	<td>".escape(isset($row['file_size']) ? number_format($row['file_size'] / 1024, 1).' KB' : '')."</td>\n";
		echo "	<td class='document-status' data-status='".escape($row['status'] ?? '')."'>".escape($text['status-'.($row['status'] ?? '')] ?? ($row['status'] ?? ''));
		echo "<div class='document-error error'>".escape($row['error'] ?? '')."</div></td>\n";
		echo "	<td class='document-progress'><progress max='100' value='".(int) ($row['progress'] ?? 0)."'></progress> <span>".(int) ($row['progress'] ?? 0)."%</span></td>\n";
		echo "	<td class='document-chunks'>".escape(($row['chunks_processed'] ?? 0).' / '.($row['chunk_count'] ?? 0))."</td>\n";
		echo "	<td>".escape(substr((string) ($row['insert_date'] ?? ''), 0, 19))."</td>\n";
		echo "	<td style='white-space:nowrap'>";
		if (permission_exists('voice_document_edit')) {
			echo "<form method='post' style='display:inline'>".voice_ai_admin::token_input($token)."<input type='hidden' name='action' value='reprocess'><input type='hidden' name='document_uuid' value='".escape($uuid)."'>";
			echo button::create(['type' => 'submit', 'label' => escape($text['button-reprocess']), 'name' => 'reprocess'])."</form>";
		}
		if (permission_exists('voice_document_delete')) {
			echo "<form method='post' style='display:inline'>".voice_ai_admin::token_input($token)."<input type='hidden' name='action' value='delete'><input type='hidden' name='document_uuid' value='".escape($uuid)."'>";
			echo button::create(['type' => 'submit', 'label' => escape($text['button-delete']), 'name' => 'delete', 'onclick' => "return confirm('".escape($text['confirm-delete'])."');"])."</form>";
		}
		echo "</td>\n";
		echo "</tr>\n";
	}
	echo "</table>\n";

//refresh status and progress while a document is pending or processing (text only: never HTML from the answer)
	$status_labels = [];
	foreach (['pending', 'processing', 'ready', 'failed'] as $status) {
		$status_labels[$status] = $text['status-'.$status];
	}
	echo "<script>\n";
	echo "(function() {\n";
	echo "	var labels = ".json_encode($status_labels, JSON_HEX_TAG | JSON_HEX_AMP | JSON_HEX_APOS | JSON_HEX_QUOT).";\n";
	echo "	function busy() { return document.querySelectorAll(\"td.document-status[data-status='pending'], td.document-status[data-status='processing']\").length > 0; }\n";
	echo "	function refresh() {\n";
	echo "		if (!busy()) { return; }\n";
	echo "		fetch('document_status.php', {credentials: 'same-origin', headers: {'Accept': 'application/json'}}).then(function(r) { return r.json(); }).then(function(documents) {\n";
	echo "			documents.forEach(function(d) {\n";
	echo "				var row = document.querySelector(\"tr[data-document='\" + d.document_uuid + \"']\");\n";
	echo "				if (!row) { return; }\n";
	echo "				var status = row.querySelector('td.document-status');\n";
	echo "				status.setAttribute('data-status', d.status);\n";
	echo "				status.firstChild.textContent = labels[d.status] || d.status;\n";
	echo "				row.querySelector('div.document-error').textContent = d.error || '';\n";
	echo "				row.querySelector('td.document-progress progress').value = d.progress;\n";
	echo "				row.querySelector('td.document-progress span').textContent = d.progress + '%';\n";
	echo "				row.querySelector('td.document-chunks').textContent = d.chunks_processed + ' / ' + d.chunk_count;\n";
	echo "			});\n";
	echo "		}).catch(function() {}).then(function() { setTimeout(refresh, 2000); });\n";
	echo "	}\n";
	echo "	setTimeout(refresh, 1000);\n";
	echo "})();\n";
	echo "</script>\n";

//include the footer
	require_once "resources/footer.php";

?>
