<?php
//Test double of FusionPBX's resources/header.php: a page frame and the flash messages.
	echo "<!DOCTYPE html>\n<html><head><meta charset='utf-8'><title>".escape($document['title'] ?? '')."</title>\n";
	echo "<style>body{font-family:Arial,sans-serif;font-size:13px;margin:0;background:#f4f5f7}#top{background:#1b2a3a;color:#fff;padding:10px 20px}";
	echo "#main{margin:15px 20px;background:#fff;padding:15px;border-radius:4px}.action_bar{display:flex;justify-content:space-between;align-items:center;margin-bottom:10px}";
	echo ".heading b{font-size:16px}table.list{width:100%;border-collapse:collapse}.list-header th{text-align:left;background:#e8ebef;padding:6px}.list-row td{border-top:1px solid #eee;padding:6px}";
	echo ".vncell,.vncellreq{width:25%;background:#f1f3f5;padding:6px;vertical-align:top}.vncellreq{font-weight:bold}.vtable{padding:6px}.formfld{min-width:280px}";
	echo "textarea.formfld{width:90%;height:80px}.btn{margin-left:4px;padding:4px 10px;cursor:pointer}.message{padding:8px;margin-bottom:10px;border-radius:3px}";
	echo ".message-positive{background:#dff0d8}.message-negative{background:#f2dede}details{margin-top:10px}summary{cursor:pointer;font-weight:bold;padding:6px 0}";
	echo ".section{font-weight:bold;padding:12px 0 4px 0;font-size:14px}.error{color:#a94442}</style></head><body>\n";
	echo "<div id='top'>FusionPBX (test double) &middot; ".escape($_SESSION['domain_name'] ?? '')."</div><div id='main'>\n";
	foreach (message::take() as $flash) {
		echo "<div class='message message-".escape($flash['mood'])."' role='alert'>".escape($flash['message'])."</div>\n";
	}
?>
