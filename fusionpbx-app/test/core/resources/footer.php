<?php
//Test double of FusionPBX's resources/footer.php.
	echo "</div></body></html>\n";
?>
