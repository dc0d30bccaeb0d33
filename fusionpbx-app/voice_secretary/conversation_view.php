<?php
/*
	Voice Secretary: one conversation: who called, how it ended, the transcript with each turn's stage latencies,
	providers and the knowledge-base sources the answer drew on. Only a conversation of the session's domain.
*/

//includes files
	require_once dirname(__DIR__, 2) . "/resources/require.php";
	require_once "resources/check_auth.php";

//the domain comes from the session only, never from the request
	$domain_uuid = $_SESSION['domain_uuid'];

//check permissions
	if (!permission_exists('voice_conversation_view')) {
		echo "access denied";
		exit;
	}

//add multi-lingual support
	$language = new text;
	$text = $language->get();

//the conversation
	$id = $_GET['id'] ?? '';
	$conversation = false;
	if (is_uuid($id)) {
		$sql = "select c.*, to_char(c.start_time, 'YYYY-MM-DD HH24:MI:SS') as start_time, to_char(c.end_time, 'YYYY-MM-DD HH24:MI:SS') as end_time, ";
		$sql .= "s.secretary_name from v_voice_conversations c ";
		$sql .= "left join v_voice_secretaries s on s.voice_secretary_uuid = c.voice_secretary_uuid and s.domain_uuid = c.domain_uuid ";
		$sql .= "where c.voice_conversation_uuid = :uuid and c.domain_uuid = :domain_uuid";
		$conversation = $database->select($sql, ['uuid' => $id, 'domain_uuid' => $domain_uuid], 'row');
	}
	if (!$conversation) {
		message::add($text['message-not_found'], 'negative');
		header('Location: conversations.php');
		exit;
	}
	$sql = "select turn_number, role, content, detected_intent, rag_sources, tokens_used, stt_provider, llm_provider, tts_provider, ";
	$sql .= "stt_latency_ms, rag_latency_ms, llm_latency_ms, tts_latency_ms, total_latency_ms, to_char(insert_date, 'HH24:MI:SS') as time ";
	$sql .= "from v_voice_messages where voice_conversation_uuid = :uuid and domain_uuid = :domain_uuid and role in ('user', 'assistant', 'system') ";
	$sql .= "order by turn_number asc, insert_date asc";
	$messages = $database->select($sql, ['uuid' => $id, 'domain_uuid' => $domain_uuid], 'all');

//include the header
	$document['title'] = $text['title-conversation'];
	require_once "resources/header.php";

//show the content
	echo voice_ai_admin::nav($text, 'conversations');
	echo "<div class='action_bar' id='action_bar'>\n";
	echo "	<div class='heading'><b>".escape($text['title-conversation'])."</b></div>\n";
	echo "	<div class='actions'>".button::create(['type' => 'button', 'label' => escape($text['button-back']), 'id' => 'btn_back', 'link' => 'conversations.php'])."</div>\n";
	echo "</div>\n";

	echo "<table width='100%' border='0' cellpadding='0' cellspacing='0' id='conversation_summary'>\n";
	$summary = [
		'secretary' => $conversation['secretary_name'],
		'caller' => trim($conversation['caller_id_name'].' '.$conversation['caller_id_number']),
		'start_time' => $conversation['start_time'],
		'end_time' => $conversation['end_time'],
		'duration_seconds' => $conversation['duration_seconds'],
		'processing_mode' => $text['option-'.$conversation['processing_mode']] ?? $conversation['processing_mode'],
		'total_turns' => $conversation['total_turns'],
		'final_action' => $text['outcome-'.$conversation['final_action']] ?? $conversation['final_action'],
		'transfer_target' => trim($conversation['transfer_extension'].' '.($conversation['transfer_department'] ? '('.$conversation['transfer_department'].')' : '')),
		'summary' => $conversation['summary'],
		'call_uuid' => $conversation['call_uuid'],
	];
	foreach ($summary as $label => $value) {
		echo voice_ai_admin::row($text['label-'.$label], "<span id='summary_".$label."'>".escape($value)."</span>");
	}
	echo "</table>\n";

	echo "<div class='section'>".escape($text['section-transcript'])."</div>\n";
	echo "<table class='list' id='transcript'>\n";
	echo "<tr class='list-header'>\n";
	foreach (['turn_number', 'role', 'content', 'latencies', 'providers', 'rag_sources'] as $column) {
		echo "	<th>".escape($text['label-'.$column])."</th>\n";
	}
	echo "</tr>\n";
	foreach (is_array($messages) ? $messages : [] as $message) {
		$latencies = [];
		foreach (['stt', 'rag', 'llm', 'tts', 'total'] as $stage) {
			if ($message[$stage.'_latency_ms'] !== null) {
				$latencies[] = $text['label-latency_'.$stage].' '.$message[$stage.'_latency_ms'].' ms';
			}
		}
		$providers = array_filter([$message['stt_provider'], $message['llm_provider'], $message['tts_provider']]);
		$sources = [];
		foreach ((array) json_decode((string) $message['rag_sources'], true) as $source) {
			if (is_array($source)) {
				$sources[] = ($source['document'] ?? '?').(isset($source['page']) ? ' p. '.$source['page'] : '').(isset($source['score']) ? ' ('.number_format((float) $source['score'], 2).')' : '');
			}
		}
		echo "<tr class='list-row message-".escape($message['role'])."'>\n";
		echo "	<td>".escape($message['turn_number'])."</td>\n";
		echo "	<td>".escape($text['role-'.$message['role']] ?? $message['role'])."</td>\n";
		echo "	<td class='message-content'>".nl2br(escape($message['content']))."</td>\n";
		echo "	<td class='message-latencies'>".escape(implode(' · ', $latencies))."</td>\n";
		echo "	<td>".escape(implode(', ', $providers))."</td>\n";
		echo "	<td class='message-sources'>".escape(implode('; ', $sources))."</td>\n";
		echo "</tr>\n";
	}
	echo "</table>\n";

//include the footer
	require_once "resources/footer.php";

?>
