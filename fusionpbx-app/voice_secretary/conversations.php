<?php
/*
	Voice Secretary: the domain's conversations (calls the secretary answered), filtered by secretary, date and outcome.
	Read from the database; rows of other domains are never selected.
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

//filters (each checked; the domain is the session's)
	$secretary_options = voice_ai_admin::secretaries($database, $domain_uuid);
	$actions = $database->select("select distinct final_action from v_voice_conversations where domain_uuid = :domain_uuid and final_action is not null order by final_action",
		['domain_uuid' => $domain_uuid], 'all');
	$action_options = [];
	foreach (is_array($actions) ? $actions : [] as $row) {
		$action_options[$row['final_action']] = $text['outcome-'.$row['final_action']] ?? $row['final_action'];
	}
	$filter_secretary = isset($secretary_options[$_GET['secretary_uuid'] ?? '']) ? $_GET['secretary_uuid'] : '';
	$filter_action = isset($action_options[$_GET['final_action'] ?? '']) ? $_GET['final_action'] : '';
	$filter_from = preg_match('/^\d{4}-\d{2}-\d{2}$/', $_GET['date_from'] ?? '') ? $_GET['date_from'] : '';
	$filter_to = preg_match('/^\d{4}-\d{2}-\d{2}$/', $_GET['date_to'] ?? '') ? $_GET['date_to'] : '';
	$page = max(0, min(100000, (int) ($_GET['page'] ?? 0)));
	$rows_per_page = 50;

	$where = "where c.domain_uuid = :domain_uuid ";
	$parameters['domain_uuid'] = $domain_uuid;
	if ($filter_secretary !== '') {
		$where .= "and c.voice_secretary_uuid = :secretary_uuid ";
		$parameters['secretary_uuid'] = $filter_secretary;
	}
	if ($filter_action !== '') {
		$where .= "and c.final_action = :final_action ";
		$parameters['final_action'] = $filter_action;
	}
	if ($filter_from !== '') {
		$where .= "and c.start_time >= cast(:date_from as date) ";
		$parameters['date_from'] = $filter_from;
	}
	if ($filter_to !== '') {
		$where .= "and c.start_time < cast(:date_to as date) + 1 ";
		$parameters['date_to'] = $filter_to;
	}
	$total = (int) $database->select("select count(*) from v_voice_conversations c ".$where, $parameters, 'column');
	$sql = "select c.voice_conversation_uuid, c.caller_id_number, c.caller_id_name, c.processing_mode, c.conversation_status, ";
	$sql .= "to_char(c.start_time, 'YYYY-MM-DD HH24:MI:SS') as start_time, c.duration_seconds, c.total_turns, c.final_action, ";
	$sql .= "c.transfer_extension, c.transfer_department, s.secretary_name from v_voice_conversations c ";
	$sql .= "left join v_voice_secretaries s on s.voice_secretary_uuid = c.voice_secretary_uuid and s.domain_uuid = c.domain_uuid ";
	$sql .= $where."order by c.start_time desc limit ".$rows_per_page." offset ".($page * $rows_per_page);
	$conversations = $database->select($sql, $parameters, 'all');

//include the header
	$document['title'] = $text['title-conversations'];
	require_once "resources/header.php";

//show the content
	echo voice_ai_admin::nav($text, 'conversations');
	echo "<div class='action_bar' id='action_bar'>\n";
	echo "	<div class='heading'><b>".escape($text['title-conversations'])."</b> (".$total.")</div>\n";
	echo "	<div class='actions'>\n";
	echo "	<form method='get' id='form_filter' style='display:inline'>\n";
	echo voice_ai_admin::select('secretary_uuid', $secretary_options, $filter_secretary, $text['option-all_secretaries']);
	echo " ".voice_ai_admin::select('final_action', $action_options, $filter_action, $text['option-all_outcomes']);
	echo " ".voice_ai_admin::input('date_from', $filter_from, 'date')." – ".voice_ai_admin::input('date_to', $filter_to, 'date');
	echo button::create(['type' => 'submit', 'label' => escape($text['button-filter']), 'id' => 'btn_filter']);
	echo "	</form>\n";
	echo "	</div>\n";
	echo "</div>\n";
	echo escape($text['description-conversations'])."\n<br><br>\n";

	echo "<table class='list' id='conversations'>\n";
	echo "<tr class='list-header'>\n";
	foreach (['start_time', 'secretary', 'caller', 'processing_mode', 'duration_seconds', 'total_turns', 'final_action', 'transfer_target', 'conversation_status'] as $column) {
		echo "	<th>".escape($text['label-'.$column])."</th>\n";
	}
	echo "</tr>\n";
	foreach (is_array($conversations) ? $conversations : [] as $row) {
		$link = "conversation_view.php?id=".urlencode($row['voice_conversation_uuid']);
		echo "<tr class='list-row'>\n";
		echo "	<td><a href='".escape($link)."'>".escape($row['start_time'])."</a></td>\n";
		echo "	<td>".escape($row['secretary_name'])."</td>\n";
		echo "	<td>".escape(trim($row['caller_id_name'].' '.$row['caller_id_number']))."</td>\n";
		echo "	<td>".escape($text['option-'.$row['processing_mode']] ?? $row['processing_mode'])."</td>\n";
		echo "	<td>".escape($row['duration_seconds'])."</td>\n";
		echo "	<td>".escape($row['total_turns'])."</td>\n";
		echo "	<td>".escape($text['outcome-'.$row['final_action']] ?? $row['final_action'])."</td>\n";
		echo "	<td>".escape(trim($row['transfer_extension'].' '.($row['transfer_department'] ? '('.$row['transfer_department'].')' : '')))."</td>\n";
		echo "	<td>".escape($text['status-'.$row['conversation_status']] ?? $row['conversation_status'])."</td>\n";
		echo "</tr>\n";
	}
	echo "</table>\n";

//pages
	$query = ['secretary_uuid' => $filter_secretary, 'final_action' => $filter_action, 'date_from' => $filter_from, 'date_to' => $filter_to];
	echo "<div style='margin-top:10px'>";
	if ($page > 0) {
		echo "<a href='?".escape(http_build_query($query + ['page' => $page - 1]))."'>&laquo; ".escape($text['button-previous'])."</a> ";
	}
	if (($page + 1) * $rows_per_page < $total) {
		echo "<a href='?".escape(http_build_query($query + ['page' => $page + 1]))."'>".escape($text['button-next'])." &raquo;</a>";
	}
	echo "</div>\n";

//include the footer
	require_once "resources/footer.php";

?>
