<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/main_window/main_window_actions.cpp" line="+31"/>
        <source>Deeplomath projects (*.dlmproj)</source>
        <translation>Projets Deeplomath (*.dlmproj)</translation>
    </message>
</context>
<context>
    <name>dlm::app::EventTableModel</name>
    <message>
        <location filename="../app/session/event_table_model.cpp" line="+121"/>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Class %1</source>
        <translation>Classe %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 (%2%)</source>
        <translation>%1 (%2&#xa0;%)</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>This board runs no model (it prints numbers): the studio&apos;s prediction is the one that counts.</source>
        <translation>Cette carte n’exécute aucun modèle (elle imprime des nombres)&#xa0;: c’est la prédiction du studio qui compte.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Known-set score %1, confidence %2%</source>
        <translation>Score de l’ensemble connu %1, confiance %2&#xa0;%</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>#</source>
        <translation>N°</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duration (ms)</source>
        <translation>Durée (ms)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Board</source>
        <translation>Selon la carte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Studio</source>
        <translation>Selon le studio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tag</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Learned</source>
        <translation>Appris</translation>
    </message>
    <message>
        <location line="-110"/>
        <source>%1? (Enter)</source>
        <extracomment>A suggested tag the user has not confirmed yet; %1: a class name or &quot;Unknown&quot;.</extracomment>
        <translation>%1&#xa0;? (Entrée)</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>You asked the virtual board for a %1, a gesture no class describes. Press Enter to tag it as unknown / outlier.</source>
        <translation>Vous avez demandé à la carte virtuelle&#xa0;: %1, un geste qu’aucune classe ne décrit. Appuyez sur Entrée pour l’étiqueter inconnu / aberrant.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You asked the virtual board for a %1. Press Enter to tag it %1 (the class is created if needed).</source>
        <translation>Vous avez demandé à la carte virtuelle&#xa0;: %1. Appuyez sur Entrée pour l’étiqueter %1 (la classe est créée si besoin).</translation>
    </message>
    <message>
        <location line="-90"/>
        <source>Unknown (closest: %1)</source>
        <extracomment>A rejected event; %1: the class it resembles most.</extracomment>
        <translation>Inconnu (le plus proche&#xa0;: %1)</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>Learned as %1, yet rejected by the current model: with a known-set score of %2 it is less typical of what the model knows than the rejection threshold allows. The threshold rejects the least typical known events on purpose; lower it to accept more of them.</source>
        <extracomment>%1: the event&apos;s tag; %2: its known-set score.</extracomment>
        <translation>Appris comme «&#xa0;%1&#xa0;», mais rejeté par le modèle actuel&#xa0;: avec un score de l’ensemble connu de %2, il est moins typique de ce que le modèle connaît que le seuil de rejet ne le permet. Le seuil rejette exprès les événements connus les moins typiques&#xa0;; abaissez-le pour en accepter davantage.</translation>
    </message>
</context>
<context>
    <name>dlm::app::Exporter</name>
    <message>
        <location filename="../app/import_export/exporter.cpp" line="+50"/>
        <source>There is nothing to export: no event is tagged yet.</source>
        <translation>Rien à exporter&#xa0;: aucun événement n’est encore étiqueté.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+18"/>
        <source>Cannot write “%1”: %2</source>
        <translation>Impossible d’écrire «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>There is no model to export yet: tag a few events first.</source>
        <translation>Aucun modèle à exporter pour l’instant&#xa0;: étiquetez d’abord quelques événements.</translation>
    </message>
</context>
<context>
    <name>dlm::app::FlashControl</name>
    <message>
        <location filename="../app/controller/flash_control.cpp" line="+53"/>
        <source>Automatic (%1)</source>
        <translation>Automatique (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Automatic (no probe tool installed)</source>
        <translation>Automatique (aucun outil de sonde installé)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>OpenOCD (openocd)</source>
        <translation>OpenOCD (openocd)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stlink-tools (st-flash)</source>
        <translation>stlink-tools (st-flash)</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Cancelled before anything was written.</source>
        <translation>Annulé avant toute écriture.</translation>
    </message>
</context>
<context>
    <name>dlm::app::FlashText</name>
    <message>
        <location filename="../app/flashing/flash_job.cpp" line="+87"/>
        <source>%1 did not finish within %2 s and was stopped: unplug and replug the board, then flash again.</source>
        <translation>%1 n’a pas fini en %2&#xa0;s et a été arrêté&#xa0;: débranchez et rebranchez la carte, puis flashez à nouveau.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancelled. The board may hold a partly written image: flash it again before using it.</source>
        <translation>Annulé. La carte peut contenir une image écrite en partie&#xa0;: flashez-la à nouveau avant de l’utiliser.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 crashed; flash again.</source>
        <translation>%1 s’est arrêté brutalement&#xa0;; flashez à nouveau.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 could not be started (%2): is it installed?</source>
        <translation>%1 n’a pas pu être lancé (%2)&#xa0;: est-il installé&#xa0;?</translation>
    </message>
    <message>
        <location filename="../app/flashing/flash_output.cpp" line="+36"/>
        <source>No ST-LINK probe found: plug the board in by its ST-LINK USB port with a data cable (lsusb should list 0483:374b), then try again.</source>
        <translation>Aucune sonde ST-LINK trouvée&#xa0;: branchez la carte par son port USB ST-LINK avec un câble de données (lsusb doit lister 0483:374b), puis réessayez.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No CMSIS-DAP probe found: plug the board in with a data cable, or flash through its ST-LINK (openocd&apos;s st_nucleo_f4.cfg, or st-flash).</source>
        <translation>Aucune sonde CMSIS-DAP trouvée&#xa0;: branchez la carte avec un câble de données, ou flashez par son ST-LINK (st_nucleo_f4.cfg d’openocd, ou st-flash).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The probe is plugged in but this user may not open it: install its udev rules (Debian&apos;s openocd and stlink-tools packages ship them), then unplug and replug the board.</source>
        <translation>La sonde est branchée mais cet utilisateur ne peut pas l’ouvrir&#xa0;: installez ses règles udev (les paquets Debian openocd et stlink-tools les fournissent), puis débranchez et rebranchez la carte.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The probe reads no voltage on the microcontroller: check the board&apos;s power jumper (JP5 on U5V) and that both CN2 jumpers are on.</source>
        <translation>La sonde ne lit aucune tension sur le microcontrôleur&#xa0;: vérifiez le cavalier d’alimentation de la carte (JP5 sur U5V) et que les deux cavaliers CN2 sont en place.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The probe cannot reach the microcontroller: check that both CN2 jumpers are on, then hold RESET, start flashing and release it.</source>
        <translation>La sonde n’atteint pas le microcontrôleur&#xa0;: vérifiez que les deux cavaliers CN2 sont en place, puis maintenez RESET, lancez le flashage et relâchez-le.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The probe tool could not read the image: check the file and its permissions.</source>
        <translation>L’outil de sonde n’a pas pu lire l’image&#xa0;: vérifiez le fichier et ses droits.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The image was written but does not read back the same: flash again; if it persists, the flash may be write-protected.</source>
        <translation>L’image a été écrite mais ne se relit pas à l’identique&#xa0;: flashez à nouveau&#xa0;; si cela persiste, la flash est peut-être protégée en écriture.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Erasing or writing the flash failed: flash again; if it persists, the flash may be write-protected (option bytes).</source>
        <translation>L’effacement ou l’écriture de la flash a échoué&#xa0;: flashez à nouveau&#xa0;; si cela persiste, la flash est peut-être protégée en écriture (octets d’option).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Starting %1</source>
        <translation>Lancement de %1</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Connecting to the probe</source>
        <translation>Connexion à la sonde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Probe found</source>
        <translation>Sonde trouvée</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+32"/>
        <source>Microcontroller found</source>
        <translation>Microcontrôleur trouvé</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Erasing and writing</source>
        <translation>Effacement et écriture</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Written</source>
        <translation>Écrit</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+38"/>
        <source>Verifying</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <location line="-35"/>
        <location line="+30"/>
        <source>Verified</source>
        <translation>Vérifié</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Resetting the board</source>
        <translation>Redémarrage de la carte</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+10"/>
        <source>Writing</source>
        <translation>Écriture</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Erasing</source>
        <translation>Effacement</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Flashed and verified; the board restarted.</source>
        <translation>Flashé et vérifié&#xa0;; la carte a redémarré.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flashed; the board restarted.</source>
        <translation>Flashé&#xa0;; la carte a redémarré.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 failed (exit code %2).</source>
        <translation>%1 a échoué (code de sortie %2).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> (%1 said: %2)</source>
        <translation> (%1 a dit&#xa0;: %2)</translation>
    </message>
    <message>
        <location filename="../app/flashing/flash_plan.cpp" line="+113"/>
        <source>The image %1 does not exist.</source>
        <translation>L’image %1 n’existe pas.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>st-flash writes raw .bin images only; %1 is not one: give the .bin, or use openocd for an .elf.</source>
        <translation>st-flash n’écrit que des images brutes .bin&#xa0;; %1 n’en est pas une&#xa0;: donnez le .bin, ou utilisez openocd pour un .elf.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 ($DLM_FIRMWARE_DIR is not set)</source>
        <translation>%1 ($DLM_FIRMWARE_DIR n’est pas défini)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No firmware image %1 found: looked in %2. Build the board&apos;s firmware, install the package, or give the image&apos;s path.</source>
        <translation>Aucune image de firmware %1 trouvée&#xa0;: cherché dans %2. Compilez le firmware de la carte, installez le paquet, ou donnez le chemin de l’image.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> or </source>
        <translation> ou </translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Unknown board &apos;%1&apos;: the boards that can be flashed are %2.</source>
        <translation>Carte inconnue «&#xa0;%1&#xa0;»&#xa0;: les cartes que l’on peut flasher sont %2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Neither openocd nor st-flash is installed: install one (sudo apt-get install openocd, or stlink-tools) and try again.</source>
        <translation>Ni openocd ni st-flash n’est installé&#xa0;: installez-en un (sudo apt-get install openocd, ou stlink-tools) et réessayez.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is not installed: install it (sudo apt-get install %2) or choose the other probe tool.</source>
        <translation>%1 n’est pas installé&#xa0;: installez-le (sudo apt-get install %2) ou choisissez l’autre outil de sonde.</translation>
    </message>
</context>
<context>
    <name>dlm::app::FleetClient</name>
    <message>
        <location filename="../app/fleet/fleet_client.cpp" line="+32"/>
        <source>Check the user name and password (or the client certificate).</source>
        <translation>Vérifiez le nom d’utilisateur et le mot de passe (ou le certificat client).</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Give the broker&apos;s host name and a port from 1 to 65535.</source>
        <translation>Indiquez le nom d’hôte du broker et un port de 1 à 65535.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot connect to the broker: %1</source>
        <translation>Impossible de se connecter au broker&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Connecting to the broker at %1…</source>
        <translation>Connexion au broker %1…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Disconnected from the broker.</source>
        <translation>Déconnecté du broker.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Connected to the broker at %1.</source>
        <translation>Connecté au broker %1.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The broker at %1 refused the connection: %2. %3 Retrying…</source>
        <extracomment>%1: the broker&apos;s address; %2: the broker&apos;s reason; %3: what to check.</extracomment>
        <translation>Le broker %1 a refusé la connexion : %2. %3 Nouvel essai…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lost the broker at %1: %2. Reconnecting…</source>
        <translation>Connexion perdue avec le broker %1 : %2. Reconnexion…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The TLS connection to the broker at %1 failed: %2. Is the CA certificate the one that signed the broker&apos;s, and does the broker&apos;s certificate name this host? Retrying…</source>
        <extracomment>%1: the broker&apos;s address; %2: the TLS library&apos;s words.</extracomment>
        <translation>La connexion TLS au broker %1 a échoué : %2. Le certificat de l’AC est-il bien celui qui a signé celui du broker, et le certificat du broker nomme-t-il bien cet hôte ? Nouvel essai…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot reach the broker at %1: %2. Is the broker running there, and are the address, port and TLS settings right? Retrying…</source>
        <translation>Impossible de joindre le broker %1 : %2. Le broker tourne-t-il bien là, et l’adresse, le port et les réglages TLS sont-ils les bons ? Nouvel essai…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1: not a topic of the fleet protocol</source>
        <translation>%1&#xa0;: pas un sujet du protocole de flotte</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>larger than 1 MiB</source>
        <translation>plus de 1 Mio</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>names another gateway than its topic</source>
        <translation>nomme une autre passerelle que son sujet</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+47"/>
        <source>names another board than its topic</source>
        <translation>nomme une autre carte que son sujet</translation>
    </message>
    <message>
        <location filename="../app/fleet/fleet_client_actions.cpp" line="+107"/>
        <source>There is no model to push yet: tag a few events first.</source>
        <translation>Il n’y a pas encore de modèle à envoyer&#xa0;: étiquetez d’abord quelques événements.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The model is larger than the 4 MiB a fleet push carries.</source>
        <translation>Le modèle dépasse les 4 Mio qu’un envoi à la flotte peut transporter.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+9"/>
        <source>Select the boards to push the model to.</source>
        <translation>Sélectionnez les cartes auxquelles envoyer le modèle.</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Not connected to the broker: connect first.</source>
        <translation>Pas de connexion au broker&#xa0;: connectez-vous d’abord.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The broker connection refused the push to %1.</source>
        <translation>La connexion au broker a refusé l’envoi à %1.</translation>
    </message>
</context>
<context>
    <name>dlm::app::FleetTableModel</name>
    <message>
        <location filename="../app/fleet/fleet_table_model.cpp" line="+24"/>
        <source>%1 %</source>
        <extracomment>A share as a percentage, e.g. &quot;12.5 %&quot;; %1 is the number.</extracomment>
        <translation>%1&#xa0;%</translation>
    </message>
    <message>
        <location line="+165"/>
        <source>the gateway said verified, but the board reports another model</source>
        <translation>la passerelle dit vérifié, mais la carte indique un autre modèle</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gateway</source>
        <translation>Passerelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Board</source>
        <translation>Carte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Events/s</source>
        <translation>Évén./s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <translation>Rejetés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last seen</source>
        <translation>Dernier contact</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Push</source>
        <translation>Envoi</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The model the board runs (its CRC-32), and whether it is the studio&apos;s current model</source>
        <translation>Le modèle qu’exécute la carte (son CRC-32), et s’il s’agit du modèle actuel du studio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Events the board detected per second, over its gateway&apos;s last statistics interval</source>
        <translation>Événements détectés par la carte par seconde, sur le dernier intervalle de statistiques de sa passerelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share of those events the board rejected as unknown</source>
        <translation>Part de ces événements que la carte a rejetés comme inconnus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When the board&apos;s gateway last said anything about it</source>
        <translation>La dernière fois que la passerelle de la carte en a donné des nouvelles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The studio&apos;s last push to the board: progress, then the verified outcome</source>
        <translation>Le dernier envoi du studio à la carte&#xa0;: progression, puis le résultat vérifié</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offline (gateway unknown)</source>
        <translation>Hors ligne (passerelle inconnue)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offline (gateway stopped)</source>
        <translation>Hors ligne (passerelle arrêtée)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offline (gateway lost)</source>
        <translation>Hors ligne (passerelle perdue)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offline (no longer served)</source>
        <translation>Hors ligne (plus desservie)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offline (connecting)</source>
        <translation>Hors ligne (connexion)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offline (reconnecting)</source>
        <translation>Hors ligne (reconnexion)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offline (incompatible)</source>
        <translation>Hors ligne (incompatible)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offline (disconnected)</source>
        <translation>Hors ligne (déconnectée)</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+51"/>
        <location line="+1"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>%1 = studio</source>
        <extracomment>%1: a model&apos;s CRC-32 in hexadecimal.</extracomment>
        <translation>%1 = studio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (other)</source>
        <translation>%1 (autre)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Queued</source>
        <translation>En file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sending %1 %</source>
        <extracomment>A push in progress: %1 is the share of the model sent, e.g. &quot;60&quot;.</extracomment>
        <translation>Envoi&#xa0;: %1&#xa0;%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sending</source>
        <translation>Envoi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verifying</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verified</source>
        <translation>Vérifié</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed: %1</source>
        <translation>Échec&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Superseded</source>
        <translation>Remplacé</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>now</source>
        <translation>à l’instant</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n s ago</source>
        <translation>
            <numerusform>il y a %n s</numerusform>
            <numerusform>il y a %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n min ago</source>
        <translation>
            <numerusform>il y a %n min</numerusform>
            <numerusform>il y a %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n h ago</source>
        <translation>
            <numerusform>il y a %n h</numerusform>
            <numerusform>il y a %n h</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Its gateway lists it; it has not connected yet.</source>
        <translation>Sa passerelle la mentionne&#xa0;; elle ne s’est pas encore connectée.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%1, firmware %2, on %3 of its gateway: %4 channel(s) at %5 Hz</source>
        <extracomment>%1 board name, %2 firmware version, %3 serial port on the gateway&apos;s machine, %4 channels, %5 sample rate.</extracomment>
        <translation>
            <numerusform>%1, firmware %2, sur %3 de sa passerelle&#xa0;: %4 canal à %5&#xa0;Hz</numerusform>
            <numerusform>%1, firmware %2, sur %3 de sa passerelle&#xa0;: %4 canaux à %5&#xa0;Hz</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Board: %1 — studio: %2</source>
        <translation>Carte&#xa0;: %1 — studio&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 — the board reports model %2</source>
        <extracomment>%1: the push&apos;s words; %2: the model identity the board reported afterwards.</extracomment>
        <translation>%1 — la carte indique le modèle %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The board is not connected to its gateway: the push starts when it is.</source>
        <translation>La carte n’est pas connectée à sa passerelle&#xa0;: l’envoi commencera dès qu’elle le sera.</translation>
    </message>
</context>
<context>
    <name>dlm::app::Gestures</name>
    <message>
        <location filename="../app/views/gesture_catalogue.cpp" line="+11"/>
        <source>shake</source>
        <translation>secousse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>circle</source>
        <translation>cercle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tap</source>
        <translation>tape</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>swipe</source>
        <translation>balayage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tilt</source>
        <translation>inclinaison</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>figure-eight</source>
        <translation>huit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>triple-knock</source>
        <translation>triple coup</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>gesture %1</source>
        <translation>geste %1</translation>
    </message>
</context>
<context>
    <name>dlm::app::HostNetwork</name>
    <message>
        <location filename="../app/learning/host_network.cpp" line="+48"/>
        <source>the network does not support %1 features with %2 classes</source>
        <translation>le réseau ne prend pas en charge %1 caractéristiques avec %2 classes</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>not enough memory for a network of %1 MB</source>
        <translation>mémoire insuffisante pour un réseau de %1 MB</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the network could not be set up (%1)</source>
        <translation>le réseau n’a pas pu être initialisé (%1)</translation>
    </message>
    <message>
        <location line="+57"/>
        <location line="+18"/>
        <source>the model is unreadable (%1)</source>
        <translation>le modèle est illisible (%1)</translation>
    </message>
</context>
<context>
    <name>dlm::app::Importer</name>
    <message>
        <location filename="../app/import_export/importer.cpp" line="+112"/>
        <source>Cannot open “%1”: %2</source>
        <translation>Impossible d’ouvrir «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>it is compressed (format 0x%1); save it as 16-bit PCM</source>
        <translation>il est compressé (format 0x%1)&#xa0;; enregistrez-le en PCM 16 bits</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it has %1-bit samples; only 16-bit PCM is supported</source>
        <translation>ses échantillons sont sur %1 bits&#xa0;; seul le PCM 16 bits est pris en charge</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>it is not a WAV file (it does not start with a WAV header)</source>
        <translation>ce n’est pas un fichier WAV (il ne commence pas par un en-tête WAV)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>its WAV header does not describe the sample format</source>
        <translation>son en-tête WAV ne décrit pas le format des échantillons</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>it holds no sample data</source>
        <translation>il ne contient aucun échantillon</translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>it has %n channel(s); 1 to %1 are supported</source>
        <translation>
            <numerusform>il a %n canal&#xa0;; de 1 à %1 canaux sont pris en charge</numerusform>
            <numerusform>il a %n canaux&#xa0;; de 1 à %1 canaux sont pris en charge</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>its sample rate is 0</source>
        <translation>sa fréquence d’échantillonnage est nulle</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot import “%1”: %2.</source>
        <translation>Impossible d’importer «&#xa0;%1&#xa0;»&#xa0;: %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“%1” ends inside a frame; the partial frame was ignored.</source>
        <translation>«&#xa0;%1&#xa0;» se termine au milieu d’une trame&#xa0;; la trame incomplète a été ignorée.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cannot import “%1”: %2</source>
        <translation>Impossible d’importer «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot import “%1”: it has no column “%2”.</source>
        <translation>Impossible d’importer «&#xa0;%1&#xa0;»&#xa0;: il n’a pas de colonne «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot import “%1”: it has %2 and %3; 1 to %4 signal columns and at least one row are needed.</source>
        <extracomment>%1: file name; %2: &quot;%n signal column(s)&quot;; %3: &quot;%n row(s)&quot;; %4: the most columns.</extracomment>
        <translation>Impossible d’importer «&#xa0;%1&#xa0;»&#xa0;: il a %2 et %3&#xa0;; il faut de 1 à %4 colonnes de signal et au moins une ligne.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n signal column(s)</source>
        <translation>
            <numerusform>%n colonne de signal</numerusform>
            <numerusform>%n colonnes de signal</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n ligne</numerusform>
            <numerusform>%n lignes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>%n value(s) beyond the 16-bit range were clipped.</source>
        <translation>
            <numerusform>%n valeur hors de la plage 16 bits a été écrêtée.</numerusform>
            <numerusform>%n valeurs hors de la plage 16 bits ont été écrêtées.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The trigger runs at 65535 Hz at most; its filters assume that rate.</source>
        <translation>Le déclencheur fonctionne au plus à 65535 Hz&#xa0;; ses filtres supposent cette fréquence d’échantillonnage.</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n channel(s) do not fit a descriptor of %1 dimensions.</source>
        <translation>
            <numerusform>%n canal ne tient pas dans un descripteur de %1 dimensions.</numerusform>
            <numerusform>%n canaux ne tiennent pas dans un descripteur de %1 dimensions.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The recording ends during an event; that event was left out.</source>
        <translation>L’enregistrement se termine pendant un événement&#xa0;; cet événement a été ignoré.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cannot import “%1”: it has %2 and the board %3; its events could not be learned with the board&apos;s.</source>
        <extracomment>%1: file name; %2: &quot;%n channel(s)&quot; of the file; %3: the board&apos;s channel count.</extracomment>
        <translation>Impossible d’importer «&#xa0;%1&#xa0;»&#xa0;: il a %2 et la carte %3&#xa0;; ses événements ne pourraient pas être appris avec ceux de la carte.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n channel(s)</source>
        <translation>
            <numerusform>%n canal</numerusform>
            <numerusform>%n canaux</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No event was detected in “%1”: the signal never crossed the trigger threshold (%2).</source>
        <translation>Aucun événement détecté dans «&#xa0;%1&#xa0;»&#xa0;: le signal n’a jamais franchi le seuil de déclenchement (%2).</translation>
    </message>
</context>
<context>
    <name>dlm::app::Journal</name>
    <message>
        <location filename="../app/persistence/journal.cpp" line="+118"/>
        <source>Cannot write the autosave journal “%1”: %2</source>
        <translation>Impossible d’écrire le journal de sauvegarde automatique «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+27"/>
        <source>Cannot open the autosave journal “%1”: %2</source>
        <translation>Impossible d’ouvrir le journal de sauvegarde automatique «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Cannot append to the autosave journal “%1”: %2</source>
        <translation>Impossible d’ajouter des données au journal de sauvegarde automatique «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>“%1” is not an autosave journal.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un journal de sauvegarde automatique.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The autosave journal “%1” has an unreadable header.</source>
        <translation>L’en-tête du journal de sauvegarde automatique «&#xa0;%1&#xa0;» est illisible.</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>record %1 does not fit the session</source>
        <translation>l’entrée %1 ne correspond pas à la session</translation>
    </message>
</context>
<context>
    <name>dlm::app::LearningWorker</name>
    <message>
        <location filename="../app/learning/learning_worker.cpp" line="+138"/>
        <source>The saved model could not be used: %1. The network is rebuilt from the tagged events instead; no event or tag was lost.</source>
        <translation>Le modèle enregistré n’a pas pu être utilisé&#xa0;: %1. Le réseau est reconstruit à partir des événements étiquetés&#xa0;; aucun événement ni aucune étiquette n’a été perdu.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The saved model does not match the tagged events (it learned other events, or events of another size). It is being rebuilt from the tagged events; no event or tag was lost.</source>
        <translation>Le modèle enregistré ne correspond pas aux événements étiquetés (il a appris d’autres événements, ou des événements d’une autre taille). Il est reconstruit à partir des événements étiquetés&#xa0;; aucun événement ni aucune étiquette n’a été perdu.</translation>
    </message>
    <message numerus="yes">
        <location line="+85"/>
        <source>Event %1 has %n feature(s), but the network expects %2, so it was not learned.</source>
        <translation>
            <numerusform>L’événement %1 a %n caractéristique, mais le réseau en attend %2&#xa0;; il n’a donc pas été appris.</numerusform>
            <numerusform>L’événement %1 a %n caractéristiques, mais le réseau en attend %2&#xa0;; il n’a donc pas été appris.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Event %1 cannot be learned: %2.</source>
        <translation>L’événement %1 ne peut pas être appris&#xa0;: %2.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Learning event %1 failed (%2).</source>
        <translation>L’apprentissage de l’événement %1 a échoué (%2).</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>The network could not be rebuilt: %1.</source>
        <translation>Le réseau n’a pas pu être reconstruit&#xa0;: %1.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Rebuilding the network from %n event(s)…</source>
        <translation>
            <numerusform>Reconstruction du réseau à partir de %n événement…</numerusform>
            <numerusform>Reconstruction du réseau à partir de %n événements…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The network could not be rebuilt (%1).</source>
        <translation>Le réseau n’a pas pu être reconstruit (%1).</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/learning/learning_worker_refresh.cpp" line="+35"/>
        <source>Predicting %n event(s)…</source>
        <translation>
            <numerusform>Prédiction de %n événement…</numerusform>
            <numerusform>Prédiction de %n événements…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dlm::app::NetworkViews</name>
    <message>
        <location filename="../app/learning/network_views.cpp" line="+65"/>
        <source>PC1 (%1%)</source>
        <translation>CP1 (%1&#xa0;%)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PC2 (%1%)</source>
        <translation>CP2 (%1&#xa0;%)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>duration</source>
        <translation>durée</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ch%1 bin %2</source>
        <translation>can. %1 bande %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ch%1 RMS</source>
        <translation>can. %1 RMS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ch%1 peak</source>
        <translation>can. %1 crête</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ch%1 jerk</source>
        <translation>can. %1 à-coup</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>f%1</source>
        <translation>f%1</translation>
    </message>
</context>
<context>
    <name>dlm::app::PortNaming</name>
    <message>
        <location filename="../app/controller/port_naming.cpp" line="+83"/>
        <source>Virtual board (built-in)</source>
        <translation>Carte virtuelle (intégrée)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Virtual or emulated board</source>
        <translation>Carte virtuelle ou émulée</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Serial port</source>
        <translation>Port série</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Port: %1</source>
        <translation>Port&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>USB vendor:product: %1</source>
        <translation>USB fabricant:produit&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serial number: %1</source>
        <translation>Numéro de série&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manufacturer: %1</source>
        <translation>Fabricant&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Described by the system as: %1</source>
        <translation>Décrit par le système comme&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A pseudo-terminal, e.g. a board emulated by QEMU.</source>
        <translation>Un pseudo-terminal, par exemple une carte émulée par QEMU.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The last board used: reconnected by itself when it is plugged in.</source>
        <translation>La dernière carte utilisée&#xa0;: reconnectée d’elle-même quand elle est branchée.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>SN %1</source>
        <translation>N° %1</translation>
    </message>
</context>
<context>
    <name>dlm::app::Project</name>
    <message>
        <location filename="../app/persistence/project.cpp" line="+117"/>
        <source>“%1” is empty.</source>
        <translation>«&#xa0;%1&#xa0;» est vide.</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+9"/>
        <source>header</source>
        <translation>l’en-tête</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+148"/>
        <source>“%1” is damaged: event %2 of %3 is invalid: %4.</source>
        <translation>«&#xa0;%1&#xa0;» est endommagé&#xa0;: l’événement %2 sur %3 est invalide&#xa0;: %4.</translation>
    </message>
    <message>
        <location line="-243"/>
        <source>“%1” is truncated: the file ends in the middle of its %2. It was not completely written, or was cut short when copied; open an autosave or an older copy instead.</source>
        <extracomment>%2: the part the file ends in, such as &quot;header&quot; or &quot;list of events&quot;.</extracomment>
        <translation>«&#xa0;%1&#xa0;» est tronqué&#xa0;: le fichier s’interrompt dans %2. Il n’a pas été entièrement écrit, ou a été coupé lors d’une copie&#xa0;; ouvrez plutôt une sauvegarde automatique ou une copie plus ancienne.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>“%1” is not a Deeplomath project (it does not start with the project signature). Choose a .dlmproj file saved by Deeplomath Studio.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un projet Deeplomath (il ne commence pas par la signature de projet). Choisissez un fichier .dlmproj enregistré par Deeplomath Studio.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>format version number</source>
        <translation>le numéro de version du format</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” was saved by a newer version of Deeplomath Studio (project format %2); this version opens formats up to %3. Update Deeplomath Studio to open it.</source>
        <translation>«&#xa0;%1&#xa0;» a été enregistré par une version plus récente de Deeplomath Studio (format de projet %2)&#xa0;; cette version ouvre les formats %3 et antérieurs. Mettez à jour Deeplomath Studio pour l’ouvrir.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>“%1” has an invalid project format version (%2): the file is damaged or was not saved by Deeplomath Studio.</source>
        <translation>La version du format de projet de «&#xa0;%1&#xa0;» n’est pas valide (%2)&#xa0;: le fichier est endommagé ou n’a pas été enregistré par Deeplomath Studio.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>“%1” is damaged: its header claims a length of %L2 bytes, far more than a project header can hold.</source>
        <translation>«&#xa0;%1&#xa0;» est endommagé&#xa0;: son en-tête annonce une longueur de %L2&#xa0;octets, bien plus qu’un en-tête de projet ne peut en contenir.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>“%1” is damaged: its header cannot be read (%2).</source>
        <translation>«&#xa0;%1&#xa0;» est endommagé&#xa0;: son en-tête est illisible (%2).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>list of events</source>
        <translation>la liste des événements</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” is damaged: its list of events is missing.</source>
        <translation>«&#xa0;%1&#xa0;» est endommagé&#xa0;: sa liste des événements est absente.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>list of events (%n event(s) expected)</source>
        <translation>
            <numerusform>la liste des événements (%n événement attendu)</numerusform>
            <numerusform>la liste des événements (%n événements attendus)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>list of events (at event %1 of %2)</source>
        <translation>la liste des événements (à l’événement %1 sur %2)</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+2"/>
        <location line="+3"/>
        <source>model</source>
        <translation>le modèle</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>“%1” is damaged: its model is missing.</source>
        <translation>«&#xa0;%1&#xa0;» est endommagé&#xa0;: son modèle est absent.</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+5"/>
        <location line="+7"/>
        <source>growth history</source>
        <translation>historique de croissance</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>“%1” is damaged: its growth history is missing.</source>
        <translation>«&#xa0;%1&#xa0;» est endommagé&#xa0;: son historique de croissance manque.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>“%1” is damaged: point %2 of %3 of its growth history is invalid: %4.</source>
        <translation>«&#xa0;%1&#xa0;» est endommagé&#xa0;: le point %2 sur %3 de son historique de croissance n’est pas valide&#xa0;: %4.</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+4"/>
        <location line="+3"/>
        <source>window layout</source>
        <translation>disposition de la fenêtre</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>“%1” is damaged: its window layout is missing.</source>
        <translation>«&#xa0;%1&#xa0;» est endommagé&#xa0;: la disposition de sa fenêtre manque.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>end-of-file marker</source>
        <translation>le marqueur de fin de fichier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” is damaged: its end-of-file marker is missing.</source>
        <translation>«&#xa0;%1&#xa0;» est endommagé&#xa0;: son marqueur de fin de fichier est absent.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>“%1” is damaged: %n unexpected byte(s) follow its end-of-file marker.</source>
        <translation>
            <numerusform>«&#xa0;%1&#xa0;» est endommagé&#xa0;: %n octet inattendu suit son marqueur de fin de fichier.</numerusform>
            <numerusform>«&#xa0;%1&#xa0;» est endommagé&#xa0;: %n octets inattendus suivent son marqueur de fin de fichier.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot read “%1”: %2</source>
        <translation>Impossible de lire «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” is damaged: its checksum does not match its content (stored %2, computed %3). The file was altered or only partly written.</source>
        <translation>«&#xa0;%1&#xa0;» est endommagé&#xa0;: sa somme de contrôle ne correspond pas à son contenu (enregistrée %2, calculée %3). Le fichier a été modifié ou n’a été que partiellement écrit.</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+30"/>
        <source>“%1” has an invalid header: %2.</source>
        <translation>L’en-tête de «&#xa0;%1&#xa0;» est invalide&#xa0;: %2.</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>the session identifier is missing</source>
        <translation>l’identifiant de session est absent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the number of the next event is missing</source>
        <translation>le numéro du prochain événement est absent</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the list of classes is missing or too long</source>
        <translation>la liste des classes est absente ou trop longue</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>class %1 has no name or an invalid colour</source>
        <translation>la classe %1 n’a pas de nom ou a une couleur non valide</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the number of events is missing</source>
        <translation>le nombre d’événements est absent</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>“%1” is inconsistent: its header announces %n event(s), but the file holds %2.</source>
        <translation>
            <numerusform>«&#xa0;%1&#xa0;» est incohérent&#xa0;: son en-tête annonce %n événement, mais le fichier en contient %2.</numerusform>
            <numerusform>«&#xa0;%1&#xa0;» est incohérent&#xa0;: son en-tête annonce %n événements, mais le fichier en contient %2.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>its tag %1 does not name an existing class</source>
        <translation>son étiquette %1 ne désigne aucune classe existante</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it is marked as learned but has no class</source>
        <translation>il est marqué comme appris mais n’a pas de classe</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the header and the model disagree on the model&apos;s size</source>
        <translation>l’en-tête et le modèle ne s’accordent pas sur la taille du modèle</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the model is unreadable (%1)</source>
        <translation>le modèle est illisible (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the model&apos;s checksum differs from the one recorded in the header</source>
        <translation>la somme de contrôle du modèle diffère de celle inscrite dans l’en-tête</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>its id %1 is out of order</source>
        <translation>son identifiant %1 n’est pas dans l’ordre</translation>
    </message>
    <message>
        <location line="+62"/>
        <location line="+26"/>
        <source>Cannot write “%1”: %2</source>
        <translation>Impossible d’écrire «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot open “%1”: %2</source>
        <translation>Impossible d’ouvrir «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>dlm::app::RecoveryManager</name>
    <message>
        <location filename="../app/persistence/recovery_manager.cpp" line="+98"/>
        <location line="+97"/>
        <source>Autosave failed: %1. Save the project to keep your work.</source>
        <translation>Échec de la sauvegarde automatique&#xa0;: %1. Enregistrez le projet pour conserver votre travail.</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Autosave could not write a snapshot: %1</source>
        <translation>La sauvegarde automatique n’a pas pu écrire d’instantané&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>“%1” belongs to another session.</source>
        <translation>«&#xa0;%1&#xa0;» appartient à une autre session.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The autosave cannot be recovered: its base file is unusable. %1</source>
        <translation>La sauvegarde automatique ne peut pas être récupérée&#xa0;: son fichier de base est inutilisable. %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The autosave cannot be recovered: edit %1 is missing.</source>
        <translation>La sauvegarde automatique ne peut pas être récupérée&#xa0;: la modification %1 manque.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The autosave cannot be recovered: edits %1 to %2 are missing.</source>
        <translation>La sauvegarde automatique ne peut pas être récupérée&#xa0;: les modifications %1 à %2 manquent.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The last autosaved edit was incomplete (the studio stopped while writing it) and was left out.</source>
        <translation>La dernière modification sauvegardée automatiquement était incomplète (le studio s’est arrêté pendant son écriture) et a été ignorée.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n autosaved edit(s) did not fit the session and were skipped.</source>
        <translation>
            <numerusform>%n modification sauvegardée automatiquement ne correspondait pas à la session et a été ignorée.</numerusform>
            <numerusform>%n modifications sauvegardées automatiquement ne correspondaient pas à la session et ont été ignorées.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>There is no autosave to recover.</source>
        <translation>Aucune sauvegarde automatique à récupérer.</translation>
    </message>
</context>
<context>
    <name>dlm::app::Session</name>
    <message>
        <location filename="../app/session/session.cpp" line="+36"/>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <location line="+156"/>
        <source>A class needs a name.</source>
        <translation>Une classe doit avoir un nom.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” is too long: class names are limited to %2 bytes, as stored in a model.</source>
        <translation>«&#xa0;%1&#xa0;» est trop long&#xa0;: les noms de classe sont limités à %2 octets, tels qu’enregistrés dans un modèle.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A class called “%1” already exists.</source>
        <translation>Une classe nommée «&#xa0;%1&#xa0;» existe déjà.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Class %1</source>
        <translation>Classe %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Rename class %1 to %2</source>
        <translation>Renommer la classe %1 en %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Change the colour of %1</source>
        <translation>Changer la couleur de %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/session/session_commands.cpp" line="+12"/>
        <source>Untag %n event(s)</source>
        <translation>
            <numerusform>Retirer l’étiquette de %n événement</numerusform>
            <numerusform>Retirer l’étiquette de %n événements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Tag %n event(s) as %1</source>
        <translation>
            <numerusform>Étiqueter %n événement comme %1</numerusform>
            <numerusform>Étiqueter %n événements comme %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Discard %n event(s)</source>
        <translation>
            <numerusform>Écarter %n événement</numerusform>
            <numerusform>Écarter %n événements</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Create class %1</source>
        <translation>Créer la classe %1</translation>
    </message>
</context>
<context>
    <name>dlm::app::StudioController</name>
    <message>
        <location filename="../app/controller/studio_controller.cpp" line="+90"/>
        <source>Built-in virtual board</source>
        <translation>Carte virtuelle intégrée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Virtual board started on %1; connecting…</source>
        <translation>Carte virtuelle démarrée sur %1&#xa0;; connexion…</translation>
    </message>
    <message>
        <location filename="../app/controller/studio_controller_board.cpp" line="+87"/>
        <source>Board disconnected: %1</source>
        <translation>Carte déconnectée&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Model pushed and verified on the board.</source>
        <translation>Modèle envoyé et vérifié sur la carte.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model push failed: %1</source>
        <translation>Échec de l’envoi du modèle&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Connected to %1 (firmware %2, core %3).</source>
        <translation>Connecté à %1 (micrologiciel %2, noyau %3).</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>The board runs another model and keeps its own rejection threshold (%1% of knowns); move the slider to set it.</source>
        <extracomment>%1: a percentage in the locale&apos;s format, e.g. &quot;5.0&quot;.</extracomment>
        <translation>La carte exécute un autre modèle et garde son propre seuil de rejet (%1&#xa0;% des événements connus)&#xa0;; déplacez le curseur pour le régler.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Switched to the virtual board.</source>
        <translation>Passage à la carte virtuelle.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Starting the built-in virtual board…</source>
        <translation>Démarrage de la carte virtuelle intégrée…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Switched to the board on %1.</source>
        <translation>Passage à la carte sur %1.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Connecting to %1 at %2 baud…</source>
        <translation>Connexion à %1 (%2 bauds)…</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+4"/>
        <location filename="../app/controller/studio_controller_text.cpp" line="+267"/>
        <source>Disconnected.</source>
        <translation>Déconnecté.</translation>
    </message>
    <message>
        <location line="+14"/>
        <location filename="../app/controller/studio_controller_fleet_push.cpp" line="+79"/>
        <source>There is no model to push yet: tag a few events first.</source>
        <translation>Aucun modèle à envoyer pour l’instant&#xa0;: étiquetez d’abord quelques événements.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+27"/>
        <source>No board is connected: connect one or start the virtual board.</source>
        <translation>Aucune carte n’est connectée&#xa0;: connectez-en une ou démarrez la carte virtuelle.</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>The model is %1 bytes but this board stores at most %2 bytes: tag fewer events or lower the neuron limit. The board keeps its model.</source>
        <translation>Le modèle fait %1 octets mais cette carte en stocke au plus %2&#xa0;: étiquetez moins d’événements ou baissez la limite de neurones. La carte garde son modèle.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pushing the model (%1 bytes)…</source>
        <translation>Envoi du modèle (%1 octets)…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Pulling the board&apos;s model…</source>
        <translation>Récupération du modèle de la carte…</translation>
    </message>
    <message>
        <location filename="../app/controller/studio_controller_files.cpp" line="+21"/>
        <location line="+65"/>
        <source>Autosave is off: %1</source>
        <translation>Sauvegarde automatique désactivée&#xa0;: %1</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>New project.</source>
        <translation>Nouveau projet.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Opened %1: %2, %3.</source>
        <extracomment>%1: file name; %2: &quot;%n event(s)&quot;; %3: &quot;%n class(es)&quot;.</extracomment>
        <translation>%1 ouvert&#xa0;: %2, %3.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n événement</numerusform>
            <numerusform>%n événements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n class(es)</source>
        <translation>
            <numerusform>%n classe</numerusform>
            <numerusform>%n classes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>The model saved in “%1” could not be used: %2. It is being rebuilt from the %n tagged event(s); no event or tag was lost.</source>
        <extracomment>%1: file name; %2: why its model was not used; %n: events the model is rebuilt from.</extracomment>
        <translation>
            <numerusform>Le modèle enregistré dans «&#xa0;%1&#xa0;» n’a pas pu être utilisé&#xa0;: %2. Il est reconstruit à partir de %n événement étiqueté&#xa0;; aucun événement ni aucune étiquette n’a été perdu.</numerusform>
            <numerusform>Le modèle enregistré dans «&#xa0;%1&#xa0;» n’a pas pu être utilisé&#xa0;: %2. Il est reconstruit à partir des %n événements étiquetés&#xa0;; aucun événement ni aucune étiquette n’a été perdu.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>“%1” holds no saved model: it is being rebuilt from the %n tagged event(s).</source>
        <translation>
            <numerusform>«&#xa0;%1&#xa0;» ne contient pas de modèle enregistré&#xa0;: il est reconstruit à partir de %n événement étiqueté.</numerusform>
            <numerusform>«&#xa0;%1&#xa0;» ne contient pas de modèle enregistré&#xa0;: il est reconstruit à partir des %n événements étiquetés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>Recovered %n event(s) from the last session.</source>
        <translation>
            <numerusform>%n événement récupéré de la dernière session.</numerusform>
            <numerusform>%n événements récupérés de la dernière session.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>Imported %n event(s) from %1.</source>
        <translation>
            <numerusform>%n événement importé depuis %1.</numerusform>
            <numerusform>%n événements importés depuis %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Exported %n tagged event(s) to %1.</source>
        <translation>
            <numerusform>%n événement étiqueté exporté vers %1.</numerusform>
            <numerusform>%n événements étiquetés exportés vers %1.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-34"/>
        <source>Saved %1.</source>
        <translation>%1 enregistré.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>There is no model yet: tag a few events first.</source>
        <translation>Aucun modèle pour l’instant&#xa0;: étiquetez d’abord quelques événements.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exported the model to %1.</source>
        <translation>Modèle exporté vers %1.</translation>
    </message>
    <message>
        <location filename="../app/controller/studio_controller_sync.cpp" line="+35"/>
        <source>class %1</source>
        <translation>classe %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The board&apos;s model still holds event #%1 as “%2”: a board cannot unlearn. Push the studio&apos;s model to bring the board in step.</source>
        <extracomment>%1: an event number; %2: a class name.</extracomment>
        <translation>Le modèle de la carte contient encore l’événement n°&#xa0;%1 comme «&#xa0;%2&#xa0;»&#xa0;: une carte ne peut pas désapprendre. Envoyez le modèle du studio pour remettre la carte à jour.</translation>
    </message>
    <message>
        <location filename="../app/controller/studio_controller_gestures.cpp" line="+20"/>
        <source>Demo on: the virtual board also performs gestures of its own; their events have no suggested tag.</source>
        <translation>Démo activée&#xa0;: la carte virtuelle fait aussi des gestes d’elle-même&#xa0;; leurs événements n’ont pas d’étiquette suggérée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Demo off: the virtual board performs only the gestures you ask for.</source>
        <translation>Démo désactivée&#xa0;: la carte virtuelle ne fait que les gestes que vous demandez.</translation>
    </message>
    <message>
        <location filename="../app/controller/studio_controller_ports.cpp" line="+59"/>
        <source>Firmware flashed: %1</source>
        <translation>Firmware flashé&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Flashing failed: %1</source>
        <translation>Le flashage a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Reconnected to the board on %1 by itself.</source>
        <translation>Reconnecté de lui-même à la carte sur %1.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The last board used is plugged in on %1: connecting…</source>
        <translation>La dernière carte utilisée est branchée sur %1&#xa0;: connexion…</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>The board is back on %1: reconnecting…</source>
        <translation>La carte est de retour sur %1&#xa0;: reconnexion…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The board on %1 was unplugged: it will be reconnected when it is plugged in again.</source>
        <translation>La carte sur %1 a été débranchée&#xa0;: elle sera reconnectée quand elle sera rebranchée.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The board on %1 was unplugged.</source>
        <translation>La carte sur %1 a été débranchée.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Closing the link to the board for flashing…</source>
        <translation>Fermeture de la liaison avec la carte pour le flashage…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Flashed; reconnecting to the board on %1…</source>
        <translation>Flashé&#xa0;; reconnexion à la carte sur %1…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reconnecting to the board on %1…</source>
        <translation>Reconnexion à la carte sur %1…</translation>
    </message>
    <message>
        <location filename="../app/controller/studio_controller_text.cpp" line="-161"/>
        <source>This board prints numbers and runs no Deeplomath firmware: export the model instead (File → Export…)</source>
        <translation>Cette carte imprime des nombres et n’exécute aucun firmware Deeplomath&#xa0;: exportez plutôt le modèle (Fichier → Exporter…)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>No Deeplomath board answered on %1: looking for lines of numbers…</source>
        <translation>Aucune carte Deeplomath n’a répondu sur %1&#xa0;: recherche de lignes de nombres…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No Deeplomath board answered on %1, and it prints no lines of numbers either (%2 unreadable lines): still waiting for the handshake. Check the baud rate and that the board runs.</source>
        <extracomment>%1: a serial port; %2: a count of lines that were not numbers.</extracomment>
        <translation>Aucune carte Deeplomath n’a répondu sur %1, et elle n’imprime pas non plus de lignes de nombres (%2 lignes illisibles)&#xa0;: attente de la poignée de main. Vérifiez le débit en bauds et que la carte fonctionne.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Waiting for a Deeplomath board to answer on %1…</source>
        <translation>Attente de la réponse d’une carte Deeplomath sur %1…</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+7"/>
        <source>Switched to a text-stream board.</source>
        <translation>Passage à une carte à flux texte.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reading %1 as a board that prints numbers: learning the format of its lines…</source>
        <translation>Lecture de %1 comme carte qui imprime des nombres&#xa0;: apprentissage du format de ses lignes…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Reading %1 again with the new channels and rate…</source>
        <translation>Nouvelle lecture de %1 avec les nouveaux canaux et la nouvelle fréquence…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 prints lines of numbers but runs no Deeplomath firmware: use it as a text-stream board?</source>
        <translation>%1 imprime des lignes de nombres mais n’exécute aucun firmware Deeplomath&#xa0;: l’utiliser comme carte à flux texte&#xa0;?</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The text board on %1 is back.</source>
        <translation>La carte texte sur %1 est de retour.</translation>
    </message>
    <message numerus="yes">
        <location line="+41"/>
        <source>Text-stream board on %1: %n channel(s) at %2 Hz. The studio detects and learns its events; export the model when done.</source>
        <extracomment>%1: a serial port; %2: a sample rate in Hz.</extracomment>
        <translation>
            <numerusform>Carte à flux texte sur %1&#xa0;: %n canal à %2 Hz. Le studio détecte et apprend ses événements&#xa0;; exportez le modèle à la fin.</numerusform>
            <numerusform>Carte à flux texte sur %1&#xa0;: %n canaux à %2 Hz. Le studio détecte et apprend ses événements&#xa0;; exportez le modèle à la fin.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Text board disconnected: %1</source>
        <translation>Carte texte déconnectée&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Text stream</source>
        <translation>Flux texte</translation>
    </message>
    <message>
        <location filename="../app/controller/studio_controller_fleet.cpp" line="+38"/>
        <source>%1 (gateway %2, site %3)</source>
        <extracomment>%1 board id, %2 gateway id, %3 site id (of a fleet behind a broker).</extracomment>
        <translation>%1 (passerelle %2, site %3)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>A board of the fleet cannot be pulled through the broker: the Fleet view shows the model it runs. Push the studio&apos;s model to it instead.</source>
        <translation>Le modèle d’une carte de la flotte ne peut pas être récupéré par le broker&#xa0;: la vue Flotte montre le modèle qu’elle exécute. Envoyez-lui plutôt le modèle du studio.</translation>
    </message>
    <message numerus="yes">
        <location line="+52"/>
        <source>%n event(s) of the board never arrived through the broker.</source>
        <translation>
            <numerusform>%n événement de la carte n’est jamais arrivé par le broker.</numerusform>
            <numerusform>%n événements de la carte ne sont jamais arrivés par le broker.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Disconnected from the broker.</source>
        <translation>Déconnecté du broker.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Switched to another board of the fleet.</source>
        <translation>Passage à une autre carte de la flotte.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Switched to a board of the fleet.</source>
        <translation>Passage à une carte de la flotte.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Opening board %1 through the broker…</source>
        <translation>Ouverture de la carte %1 par le broker…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>the broker is not connected</source>
        <translation>le broker n’est pas connecté</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown board</source>
        <translation>carte inconnue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its gateway says it is offline</source>
        <translation>sa passerelle la dit hors ligne</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Board %1 is offline: %2</source>
        <translation>La carte %1 est hors ligne&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Board %1 did not carry out “%2”: %3</source>
        <extracomment>%1: a board of the fleet; %2: a command&apos;s name (label, setRejection...); %3: why.</extracomment>
        <translation>La carte %1 n’a pas exécuté «&#xa0;%2&#xa0;»&#xa0;: %3</translation>
    </message>
    <message>
        <location filename="../app/controller/studio_controller_fleet_push.cpp" line="+15"/>
        <source>The model is %1 bytes, more than %2 can store: they are left out and keep their model.</source>
        <extracomment>%1: a size in bytes; %2: a list of board ids.</extracomment>
        <translation>Le modèle fait %1 octets, plus que ce que %2 peut stocker&#xa0;: ces cartes sont laissées de côté et gardent leur modèle.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No selected board can take this model.</source>
        <translation>Aucune carte sélectionnée ne peut recevoir ce modèle.</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Pushing the model (%1 bytes) to %n board(s) through their gateways…</source>
        <translation>
            <numerusform>Envoi du modèle (%1 octets) à %n carte par sa passerelle…</numerusform>
            <numerusform>Envoi du modèle (%1 octets) à %n cartes par leurs passerelles…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Its gateway saw it report model %1.</source>
        <translation>Sa passerelle l’a vue indiquer le modèle %1.</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>The model is verified and active on %1 of %n board(s).</source>
        <extracomment>%1: how many boards verified the model, out of %n.</extracomment>
        <translation>
            <numerusform>Le modèle est vérifié et actif sur %1 carte sur %n.</numerusform>
            <numerusform>Le modèle est vérifié et actif sur %1 cartes sur %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n board(s) did not take it and keep their previous model (see the Push column).</source>
        <translation>
            <numerusform>%n carte ne l’a pas pris et garde son modèle précédent (voir la colonne Envoi).</numerusform>
            <numerusform>%n cartes ne l’ont pas pris et gardent leur modèle précédent (voir la colonne Envoi).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dlm::app::StudioEvents</name>
    <message numerus="yes">
        <location filename="../app/controller/studio_events.cpp" line="+94"/>
        <source>Confirm the suggested tag of %n event(s)</source>
        <translation>
            <numerusform>Confirmer l’étiquette suggérée de %n événement</numerusform>
            <numerusform>Confirmer l’étiquette suggérée de %n événements</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dlm::app::VirtualBoardProcess</name>
    <message>
        <location filename="../app/controller/virtual_board_process.cpp" line="+34"/>
        <source>The virtual board (dlm-board) was not found next to the studio or on the PATH. Reinstall Deeplomath Studio, or connect a board from Board &gt; Connect to.</source>
        <translation>La carte virtuelle (dlm-board) est introuvable à côté du studio comme dans le PATH. Réinstallez Deeplomath Studio, ou connectez une carte depuis Carte &gt; Se connecter à.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The virtual board could not be started (%1). Start it again from Board &gt; Use the virtual board, or connect a board from Board &gt; Connect to.</source>
        <translation>La carte virtuelle n’a pas pu démarrer (%1). Relancez-la depuis Carte &gt; Utiliser la carte virtuelle, ou connectez une carte depuis Carte &gt; Se connecter à.</translation>
    </message>
</context>
<context>
    <name>dlm::app::codec</name>
    <message>
        <location filename="../app/persistence/event_codec.cpp" line="+129"/>
        <source>its signal or descriptor is longer than the studio accepts</source>
        <translation>son signal ou son descripteur est plus long que ce que le studio accepte</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>its origin (%1) is unknown</source>
        <translation>son origine (%1) est inconnue</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>its raw signal holds %n value(s) instead of %1 frames × %2 channels</source>
        <translation>
            <numerusform>son signal brut contient %n valeur au lieu de %1 trames × %2 canaux</numerusform>
            <numerusform>son signal brut contient %n valeurs au lieu de %1 trames × %2 canaux</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>its descriptor holds a value that is not a finite number</source>
        <translation>son descripteur contient une valeur qui n’est pas un nombre fini</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>it has more layers than a network can have</source>
        <translation>il a plus de couches qu’un réseau ne peut en avoir</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>it holds a time or a rate that is not a valid number</source>
        <translation>il contient une durée ou un taux qui n’est pas un nombre valide</translation>
    </message>
</context>
<context>
    <name>dlm::link::AckCode</name>
    <message>
        <location filename="../devices/link/message_convert.cpp" line="+108"/>
        <source>ok</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the board does not know this command</source>
        <translation>la carte ne connaît pas cette commande</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>an argument is out of range for this board</source>
        <translation>un argument est hors limites pour cette carte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the board is busy</source>
        <translation>la carte est occupée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the transfer is out of step</source>
        <translation>le transfert est désynchronisé</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the CRC-32 check failed</source>
        <translation>la vérification CRC-32 a échoué</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the data is too large for this board</source>
        <translation>les données sont trop volumineuses pour cette carte</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>this board does not support this command</source>
        <translation>cette carte ne prend pas en charge cette commande</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>the board no longer holds this event</source>
        <translation>la carte ne détient plus cet événement</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the board failed internally</source>
        <translation>erreur interne de la carte</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown reply</source>
        <translation>réponse inconnue</translation>
    </message>
</context>
<context>
    <name>dlm::link::BoardLink</name>
    <message>
        <location filename="../devices/link/board_link.cpp" line="+134"/>
        <source>The board is not connected.</source>
        <translation>La carte n’est pas connectée.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The trigger settings are out of range: the threshold must be zero or more, and the minimum length at least 1 frame and at most the maximum length.</source>
        <translation>Les réglages du déclencheur sont hors limites&#xa0;: le seuil doit être positif ou nul, et la longueur minimale doit être d’au moins 1 trame sans dépasser la longueur maximale.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The rejection threshold must be a share between 0 (reject nothing) and 1 (reject everything).</source>
        <translation>Le seuil de rejet doit être une proportion comprise entre 0 (ne rien rejeter) et 1 (tout rejeter).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Class %1 does not exist on the board.</source>
        <translation>La classe %1 n’existe pas sur la carte.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Gesture %1 does not exist.</source>
        <translation>Le geste %1 n’existe pas.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The samples to inject must be whole frames of 1 to %1 channels.</source>
        <translation>Les échantillons à injecter doivent former des trames complètes de 1 à %1 canaux.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The board is not connected; connect it and push again.</source>
        <translation>La carte n’est pas connectée&#xa0;; connectez-la et relancez l’envoi.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The board is not connected; connect it and pull again.</source>
        <translation>La carte n’est pas connectée&#xa0;; connectez-la et relancez la récupération.</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>The rate of spontaneous gestures must be between 0 and %1 a minute.</source>
        <translation>La fréquence des gestes spontanés doit être comprise entre 0 et %1 par minute.</translation>
    </message>
</context>
<context>
    <name>dlm::link::LinkWorker</name>
    <message>
        <location filename="../devices/link/link_worker.cpp" line="+63"/>
        <source>Switching to %1.</source>
        <translation>Basculement vers %1.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Opening %1…</source>
        <translation>Ouverture de %1…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Disconnected from %1.</source>
        <translation>Déconnecté de %1.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1 Trying again in %2 s.</source>
        <translation>%1 Nouvelle tentative dans %2 s.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Waiting for the board on %1 to answer…</source>
        <translation>En attente de la réponse de la carte sur %1…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>No answer from a board on %1. Trying again in %2 s.</source>
        <translation>Aucune carte ne répond sur %1. Nouvelle tentative dans %2 s.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Connected to %1 on %2.</source>
        <translation>Connecté à %1 sur %2.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The link to the board was lost before the command was acknowledged.</source>
        <translation>La liaison avec la carte a été perdue avant l’acquittement de la commande.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The command was cancelled: %1</source>
        <translation>La commande a été annulée&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The model push was stopped: %1 The board keeps its previous model.</source>
        <translation>L’envoi du modèle a été interrompu&#xa0;: %1 La carte conserve son modèle précédent.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The model pull was stopped: %1</source>
        <translation>La récupération du modèle a été interrompue&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>The port %1 closed.</source>
        <translation>Le port %1 s’est fermé.</translation>
    </message>
    <message>
        <location line="+130"/>
        <source>Update the board&apos;s firmware or Deeplomath Studio so that both support the same protocol version.</source>
        <translation>Mettez à jour le micrologiciel de la carte ou Deeplomath Studio pour qu’ils prennent en charge la même version du protocole.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The board on %1 uses protocol version %2, but this studio uses protocol version %3, so they cannot communicate. %4</source>
        <translation>La carte sur %1 utilise la version %2 du protocole, mais ce studio utilise la version %3&#xa0;: ils ne peuvent donc pas communiquer. %4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The board on %1 uses a protocol version this studio does not recognise (this studio uses protocol version %2), so they cannot communicate. %3</source>
        <translation>La carte sur %1 utilise une version du protocole que ce studio ne reconnaît pas (ce studio utilise la version %2)&#xa0;: ils ne peuvent donc pas communiquer. %3</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Update the board&apos;s firmware.</source>
        <translation>Mettez à jour le micrologiciel de la carte.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Update Deeplomath Studio.</source>
        <translation>Mettez à jour Deeplomath Studio.</translation>
    </message>
    <message>
        <location filename="../devices/link/link_worker_commands.cpp" line="+19"/>
        <source>No data from the board for %1 s: the link is lost.</source>
        <translation>Aucune donnée de la carte depuis %1 s&#xa0;: la liaison est perdue.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>The board is restarting.</source>
        <translation>La carte redémarre.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The board refused the command: %1.</source>
        <translation>La carte a refusé la commande&#xa0;: %1.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The board did not acknowledge the command after %1 tries.</source>
        <translation>La carte n’a pas acquitté la commande après %1 tentatives.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The next step of the model push could not be sent to the board.</source>
        <translation>L’étape suivante de l’envoi du modèle n’a pas pu être transmise à la carte.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The next step of the model pull could not be sent to the board; pull the model again.</source>
        <translation>L’étape suivante de la récupération du modèle n’a pas pu être transmise à la carte&#xa0;; récupérez à nouveau le modèle.</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>The board is not connected.</source>
        <translation>La carte n’est pas connectée.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The command could not be sent: too many commands are waiting for the board.</source>
        <translation>La commande n’a pas pu être envoyée&#xa0;: trop de commandes attendent la carte.</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+19"/>
        <source>A model transfer is already in progress; wait for it to end.</source>
        <translation>Un transfert de modèle est déjà en cours&#xa0;; attendez qu’il se termine.</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>The model is empty; there is nothing to push.</source>
        <translation>Le modèle est vide&#xa0;; il n’y a rien à envoyer.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The board is not connected; connect it and push again.</source>
        <translation>La carte n’est pas connectée&#xa0;; connectez-la et relancez l’envoi.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The board is not connected; connect it and pull again.</source>
        <translation>La carte n’est pas connectée&#xa0;; connectez-la et relancez la récupération.</translation>
    </message>
</context>
<context>
    <name>dlm::link::MockTransport</name>
    <message>
        <location filename="../devices/link/mock_transport.cpp" line="+114"/>
        <source>Cannot open %1: no such device</source>
        <translation>Impossible d’ouvrir %1&#xa0;: périphérique introuvable</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The port %1 is gone: the device was removed.</source>
        <translation>Le port %1 a disparu&#xa0;: le périphérique a été retiré.</translation>
    </message>
</context>
<context>
    <name>dlm::link::PortDiscovery</name>
    <message>
        <location filename="../devices/link/port_discovery.cpp" line="+95"/>
        <source>Pseudo-terminal (%1)</source>
        <translation>Pseudo-terminal (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pseudo-terminal</source>
        <translation>Pseudo-terminal</translation>
    </message>
</context>
<context>
    <name>dlm::link::PullTask</name>
    <message>
        <location filename="../devices/link/transfer_tasks.cpp" line="+146"/>
        <source>The board is busy with a model transfer; try the pull again once it has finished.</source>
        <translation>La carte est occupée par un transfert de modèle&#xa0;; relancez la récupération une fois celui-ci terminé.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This board cannot send its model.</source>
        <translation>Cette carte ne peut pas envoyer son modèle.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The board refused to send its model (%1).</source>
        <translation>La carte a refusé d’envoyer son modèle (%1).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The board has no model to send.</source>
        <translation>La carte n’a aucun modèle à envoyer.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The board&apos;s model (%1 bytes) is larger than the studio accepts.</source>
        <translation>Le modèle de la carte (%1 octets) dépasse la taille acceptée par le studio.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The board stopped sending its model (%1).</source>
        <translation>La carte a interrompu l’envoi de son modèle (%1).</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The model received from the board is damaged (CRC-32 %1 announced, %2 computed); nothing was loaded. Pull it again.</source>
        <translation>Le modèle reçu de la carte est endommagé (CRC-32 annoncé %1, calculé %2)&#xa0;; rien n’a été chargé. Récupérez-le à nouveau.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pulled the board&apos;s model (%1 bytes, identity %2); its CRC-32 checks out.</source>
        <translation>Modèle de la carte récupéré (%1 octets, identité %2)&#xa0;; son CRC-32 est correct.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The board&apos;s model kept changing during the pull; pull it again.</source>
        <translation>Le modèle de la carte a changé pendant la récupération&#xa0;; récupérez-le à nouveau.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The board announced a model of %1 bytes, which the studio cannot accept.</source>
        <translation>La carte a annoncé un modèle de %1 octets, que le studio ne peut pas accepter.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The board stopped answering during the model pull.</source>
        <translation>La carte a cessé de répondre pendant la récupération du modèle.</translation>
    </message>
</context>
<context>
    <name>dlm::link::PushTask</name>
    <message>
        <location line="-151"/>
        <source>The model is %1 bytes but the board can hold at most %2 bytes; the board keeps its previous model.</source>
        <translation>Le modèle fait %1 octets, mais la carte peut en contenir au plus %2&#xa0;; elle conserve son modèle précédent.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The board is busy with another model transfer; try again in a moment.</source>
        <translation>La carte est occupée par un autre transfert de modèle&#xa0;; réessayez dans un instant.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The board refused the model push (%1); the board keeps its previous model.</source>
        <translation>La carte a refusé l’envoi du modèle (%1)&#xa0;; elle conserve son modèle précédent.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The board asked for byte %1 of a %2-byte model; the push was stopped and the board keeps its previous model.</source>
        <translation>La carte a demandé l’octet %1 d’un modèle de %2 octets&#xa0;; l’envoi a été interrompu et la carte conserve son modèle précédent.</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+39"/>
        <source>The board verified the model (%1 bytes, identity %2) and activated it.</source>
        <translation>La carte a vérifié le modèle (%1 octets, identité %2) et l’a activé.</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>The board&apos;s CRC-32 check of the received model failed, so the model was not activated: the board keeps its previous model. Push it again.</source>
        <translation>La vérification CRC-32 du modèle reçu par la carte a échoué&#xa0;; le modèle n’a donc pas été activé et la carte conserve son modèle précédent. Renvoyez-le.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The board received the model intact but could not load it; it keeps its previous model. Check that the model suits this board&apos;s capacity.</source>
        <translation>La carte a reçu le modèle intact mais n’a pas pu le charger&#xa0;; elle conserve son modèle précédent. Vérifiez que le modèle est adapté à la capacité de cette carte.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The board refused to activate the model (%1); it keeps its previous model.</source>
        <translation>La carte a refusé d’activer le modèle (%1)&#xa0;; elle conserve son modèle précédent.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The board stopped answering during the model push; it keeps its previous model.</source>
        <translation>La carte a cessé de répondre pendant l’envoi du modèle&#xa0;; elle conserve son modèle précédent.</translation>
    </message>
</context>
<context>
    <name>dlm::link::SerialTransport</name>
    <message>
        <location filename="../devices/link/serial_transport.cpp" line="+28"/>
        <source>Cannot open %1: %2</source>
        <translation>Impossible d’ouvrir %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Serial port error on %1: %2</source>
        <translation>Erreur du port série sur %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The port %1 is gone: the board was unplugged or closed it.</source>
        <translation>Le port %1 a disparu&#xa0;: la carte a été débranchée ou l’a fermé.</translation>
    </message>
</context>
<context>
    <name>dlm::textstream::TextBoardWorker</name>
    <message>
        <location filename="../devices/textstream/text_board_worker.cpp" line="+57"/>
        <source>Opening %1</source>
        <translation>Ouverture de %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Disconnected</source>
        <translation>Déconnectée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disconnected.</source>
        <translation>Déconnectée.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Reading %1: learning the format of its lines</source>
        <translation>Lecture de %1&#xa0;: apprentissage du format de ses lignes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reading %1</source>
        <translation>Lecture de %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The port %1 closed.</source>
        <translation>Le port %1 s’est fermé.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Text board</source>
        <translation>Carte texte</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Text board on %1: %n channel(s) at %2 Hz</source>
        <translation>
            <numerusform>Carte texte sur %1&#xa0;: %n canal à %2 Hz</numerusform>
            <numerusform>Carte texte sur %1&#xa0;: %n canaux à %2 Hz</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dlm::ui::BoardPanel</name>
    <message>
        <location filename="../ui/board/board_panel.cpp" line="+30"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 MB/s</source>
        <translation>%1 MB/s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 KB/s</source>
        <translation>%1 KB/s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 B/s</source>
        <translation>%1 B/s</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&lt;p style=&apos;font-size:13pt&apos;&gt;No board connected.&lt;/p&gt;&lt;p&gt;Plug a board in and pick its port, or start the virtual board to try the studio without hardware.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;font-size:13pt&apos;&gt;Aucune carte connectée.&lt;/p&gt;&lt;p&gt;Branchez une carte et choisissez son port, ou démarrez la carte virtuelle pour essayer le studio sans matériel.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Board</source>
        <translation>Carte</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Name:</source>
        <translation>Nom&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Firmware:</source>
        <translation>Micrologiciel&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Core:</source>
        <translation>Noyau&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Capacity:</source>
        <translation>Capacité&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sample rate:</source>
        <translation>Fréquence d’échantillonnage&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channels:</source>
        <translation>Canaux&#xa0;:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>CRC-32 of the studio&apos;s current model: the model&apos;s identity</source>
        <translation>CRC-32 du modèle actuel du studio&#xa0;: l’identité du modèle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CRC-32 of the model the board runs</source>
        <translation>CRC-32 du modèle exécuté par la carte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Studio model:</source>
        <translation>Modèle du studio&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Board model:</source>
        <translation>Modèle de la carte&#xa0;:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Push model</source>
        <translation>Envoyer le modèle</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+259"/>
        <source>Send the studio&apos;s model to the board; the board checks it before running it</source>
        <translation>Envoyer le modèle du studio à la carte&#xa0;; la carte le vérifie avant de l’exécuter</translation>
    </message>
    <message>
        <location line="-257"/>
        <source>Pull model</source>
        <translation>Récupérer le modèle</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+253"/>
        <source>Fetch the board&apos;s model into the studio</source>
        <translation>Récupérer le modèle de la carte dans le studio</translation>
    </message>
    <message>
        <location line="-230"/>
        <source>Link</source>
        <translation>Liaison</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Statistic</source>
        <translation>Statistique</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Received</source>
        <translation>Débit reçu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sent</source>
        <translation>Débit émis</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+196"/>
        <source>Frames received</source>
        <translation>Trames reçues</translation>
    </message>
    <message>
        <location line="-196"/>
        <source>CRC errors</source>
        <translation>Erreurs CRC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lost sample frames</source>
        <translation>Trames d’échantillons perdues</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Command latency</source>
        <translation>Latence des commandes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reconnects</source>
        <translation>Reconnexions</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bytes per second from the board (last second)</source>
        <translation>Octets par seconde reçus de la carte (dernière seconde)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes per second to the board (last second)</source>
        <translation>Octets par seconde envoyés à la carte (dernière seconde)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frames decoded without error since connecting</source>
        <translation>Trames décodées sans erreur depuis la connexion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frames rejected for a bad checksum: noise on the line or a loose cable</source>
        <translation>Trames rejetées pour somme de contrôle erronée&#xa0;: bruit sur la ligne ou câble mal branché</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sample frames missing from the stream (the link dropped them)</source>
        <translation>Trames d’échantillons manquantes dans le flux (perdues par la liaison)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean time for the board to acknowledge a command</source>
        <translation>Temps moyen d’acquittement d’une commande par la carte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Times the link was lost and re-established</source>
        <translation>Nombre de fois où la liaison a été perdue puis rétablie</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>(unnamed board)</source>
        <translation>(carte sans nom)</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>This board prints numbers and runs no model: the studio detects, learns and predicts its events. Export the studio&apos;s model (File → Export model…) to use it elsewhere.</source>
        <translation>Cette carte imprime des nombres et n’exécute aucun modèle&#xa0;: le studio détecte, apprend et prédit ses événements. Exportez le modèle du studio (Fichier → Exporter le modèle…) pour l’utiliser ailleurs.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>✔ Models match: the board runs the studio&apos;s model.</source>
        <translation>✔ Modèles identiques&#xa0;: la carte exécute le modèle du studio.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>≠ Models differ: push to update the board, or pull to use the board&apos;s model.</source>
        <translation>≠ Modèles différents&#xa0;: envoyez le modèle pour mettre à jour la carte, ou récupérez celui de la carte pour l’utiliser.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Model state unknown</source>
        <translation>État du modèle inconnu</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Sent %1 KB — the board is verifying…</source>
        <translation>%1 KB envoyés — la carte vérifie…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sending model… %1% (%2 of %3 KB)</source>
        <translation>Envoi du modèle… %1&#xa0;% (%2 sur %3 KB)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Model pushed and verified: the board now runs it.</source>
        <translation>Modèle envoyé et vérifié&#xa0;: la carte l’exécute désormais.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Push failed: %1</source>
        <translation>Échec de l’envoi&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the board did not confirm the model.</source>
        <translation>la carte n’a pas confirmé le modèle.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The board keeps its previous model; push again.</source>
        <translation>La carte conserve son modèle précédent&#xa0;; renvoyez-le.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1% of knowns</source>
        <extracomment>%1: a percentage in the locale&apos;s format, e.g. &quot;5.0&quot;: the share of known events rejected.</extracomment>
        <translation>%1&#xa0;% des événements connus</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>not measured</source>
        <translation>non mesurée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Sample lines</source>
        <translation>Lignes d’échantillons</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>This board prints numbers and runs no model: export the studio&apos;s model instead (File → Export model…)</source>
        <translation>Cette carte imprime des nombres et n’exécute aucun modèle&#xa0;: exportez plutôt le modèle du studio (Fichier → Exporter le modèle…)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A board of the fleet cannot be pulled through the broker</source>
        <translation>Le modèle d’une carte de la flotte ne peut pas être récupéré par le broker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The studio has no model yet: tag and learn events first</source>
        <translation>Le studio n’a pas encore de modèle&#xa0;: étiquetez et faites apprendre des événements d’abord</translation>
    </message>
    <message>
        <location line="-183"/>
        <source>%1 Hz</source>
        <translation>%1&#xa0;Hz</translation>
    </message>
    <message>
        <location line="-92"/>
        <source>The share of known events the board rejects as unknown, as it last reported. The studio&apos;s Strictness (Known set panel) sets it.</source>
        <translation>La proportion d’événements connus que la carte rejette comme inconnus, selon son dernier rapport. La sévérité du studio (panneau Ensemble connu) la règle.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Strictness:</source>
        <translation>Sévérité&#xa0;:</translation>
    </message>
    <message>
        <location line="+146"/>
        <source>Neither side has a model yet: tag a few events to teach the studio, then push its model to the board.</source>
        <translation>Aucun des deux n’a encore de modèle&#xa0;: étiquetez quelques événements pour entraîner le studio, puis envoyez son modèle à la carte.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The board has no model yet: push the studio&apos;s model to it.</source>
        <translation>La carte n’a pas encore de modèle&#xa0;: envoyez-lui celui du studio.</translation>
    </message>
</context>
<context>
    <name>dlm::ui::BrokerDialog</name>
    <message>
        <location filename="../ui/fleet/broker_dialog.cpp" line="+26"/>
        <source>Connect to a broker</source>
        <translation>Se connecter à un broker</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The MQTT broker your gateways (dlm-gateway) publish to. The studio lists their boards, follows one, and pushes models through it.</source>
        <translation>Le broker MQTT sur lequel publient vos passerelles (dlm-gateway). Le studio y liste leurs cartes, en suit une et y envoie les modèles.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Host:</source>
        <translation>Hôte&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port:</source>
        <translation>Port&#xa0;:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Connect</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>TLS (encrypted, the broker&apos;s certificate checked)</source>
        <translation>TLS (chiffré, certificat du broker vérifié)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The certificate of the authority that signed the broker&apos;s</source>
        <translation>Le certificat de l’autorité qui a signé celui du broker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>only if the broker asks for one</source>
        <translation>seulement si le broker en demande un</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>with the client certificate</source>
        <translation>avec le certificat client</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificates (*.crt *.pem);;All files (*)</source>
        <translation>Certificats (*.crt *.pem);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CA certificate:</source>
        <translation>Certificat de l’AC&#xa0;:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CA certificate</source>
        <translation>Certificat de l’AC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client certificate:</source>
        <translation>Certificat client&#xa0;:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Client certificate</source>
        <translation>Certificat client</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client key:</source>
        <translation>Clé client&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client key</source>
        <translation>Clé client</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys (*.key *.pem);;All files (*)</source>
        <translation>Clés (*.key *.pem);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Log in (leave empty for an anonymous broker)</source>
        <translation>Identification (laisser vide pour un broker anonyme)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Remember the password</source>
        <translation>Mémoriser le mot de passe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kept as is, unencrypted, in the studio&apos;s settings file. Left unchecked, the studio asks for it again next time.</source>
        <translation>Conservé tel quel, non chiffré, dans le fichier de réglages du studio. Sinon, le studio le redemande la fois suivante.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User name:</source>
        <translation>Nom d’utilisateur&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password:</source>
        <translation>Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Give the broker&apos;s host name or address.</source>
        <translation>Indiquez le nom d’hôte ou l’adresse du broker.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TLS needs the CA certificate that signed the broker&apos;s certificate.</source>
        <translation>TLS demande le certificat de l’AC qui a signé celui du broker.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot read %1.</source>
        <translation>Impossible de lire %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A client certificate goes with its key: give both, or neither.</source>
        <translation>Un certificat client va avec sa clé&#xa0;: indiquez les deux, ou aucun.</translation>
    </message>
</context>
<context>
    <name>dlm::ui::ClassPalette</name>
    <message>
        <location filename="../ui/common/class_colours.cpp" line="+6"/>
        <source>outlier</source>
        <translation>aberrant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>untagged</source>
        <translation>non étiqueté</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>class %1</source>
        <translation>classe %1</translation>
    </message>
</context>
<context>
    <name>dlm::ui::EmbeddingPlot</name>
    <message>
        <location filename="../ui/knownset/embedding_plot.cpp" line="+112"/>
        <source>No events yet: perform a gesture</source>
        <translation>Aucun événement pour l’instant&#xa0;: faites un geste</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing learned yet: tag events (keys 1-9)</source>
        <translation>Rien d’appris pour l’instant&#xa0;: étiquetez des événements (touches 1-9)</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Event %1 · %2 · not judged yet</source>
        <translation>Événement %1 · %2 · pas encore jugé</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>accepted as %1</source>
        <translation>accepté comme %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rejected as unknown</source>
        <translation>rejeté comme inconnu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event %1 · %2 · more typical than %3% of known events · %4</source>
        <translation>Événement %1 · %2 · plus typique que %3&#xa0;% des événements connus · %4</translation>
    </message>
</context>
<context>
    <name>dlm::ui::EventsPanel</name>
    <message>
        <location filename="../ui/events/events_panel.cpp" line="+42"/>
        <source>&lt;b&gt;Classes&lt;/b&gt; — keys 1–9 tag, U unknown, Del discard</source>
        <translation>&lt;b&gt;Classes&lt;/b&gt; — touches 1–9&#xa0;: étiqueter, U&#xa0;: inconnu, Suppr&#xa0;: écarter</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+98"/>
        <source>New class</source>
        <translation>Nouvelle classe</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Double-click to rename; right-click to change the colour.</source>
        <translation>Double-cliquez pour renommer&#xa0;; clic droit pour changer la couleur.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rename class</source>
        <translation>Renommer la classe</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+28"/>
        <source>Name:</source>
        <translation>Nom&#xa0;:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Colour of %1</source>
        <translation>Couleur de %1</translation>
    </message>
    <message>
        <location line="+45"/>
        <location line="+35"/>
        <source>Select an event to see its signal.</source>
        <translation>Sélectionnez un événement pour voir son signal.</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>time in the event (ms)</source>
        <translation>temps dans l’événement (ms)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>counts</source>
        <translation>unités brutes</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Event #%1: no raw signal kept.</source>
        <translation>Événement n°&#xa0;%1&#xa0;: aucun signal brut conservé.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Event #%1 — %2 ms, tag: %3</source>
        <translation>Événement n°&#xa0;%1 — %2 ms, étiquette&#xa0;: %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>untagged</source>
        <translation>non étiqueté</translation>
    </message>
    <message>
        <location line="-172"/>
        <source>1–9: tag with a class · U: unknown/outlier · Enter: confirm the suggested tag (shown in italics) · Del: discard · Ctrl+Z / Ctrl+Shift+Z: undo / redo</source>
        <translation>1–9&#xa0;: étiqueter avec une classe · U&#xa0;: inconnu/aberrant · Entrée&#xa0;: confirmer l’étiquette suggérée (en italique) · Suppr&#xa0;: écarter · Ctrl+Z / Ctrl+Maj+Z&#xa0;: annuler / rétablir</translation>
    </message>
</context>
<context>
    <name>dlm::ui::ExplanationView</name>
    <message>
        <location filename="../ui/knownset/explanation_view.cpp" line="+49"/>
        <source>Click an event (in the map or the events list) to see why it was accepted or rejected.</source>
        <translation>Cliquez sur un événement (sur la carte ou dans la liste) pour voir pourquoi il a été accepté ou rejeté.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Technical details</source>
        <translation>Détails techniques</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Neuron</source>
        <translation>Neurone</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Class</source>
        <translation>Classe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>q</source>
        <translation>Distance q</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Activation</source>
        <translation>Niveau d’activation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Metric distance to the neuron&apos;s centre: 1 or less is inside its ball</source>
        <translation>Distance métrique au centre du neurone&#xa0;: 1 ou moins signifie à l’intérieur de sa boule</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The neuron&apos;s response to this event</source>
        <translation>Réponse du neurone à cet événement</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Not judged yet: nothing learned</source>
        <translation>Pas encore jugé&#xa0;: rien d’appris</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted as %1</source>
        <translation>Accepté comme %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected as unknown</source>
        <translation>Rejeté comme inconnu</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No tagged event to compare it with yet.</source>
        <translation>Aucun événement étiqueté avec lequel le comparer pour l’instant.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (event %2, distance %3)</source>
        <translation>%1 (événement %2, distance %3)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nearest known examples: %1.</source>
        <translation>Exemples connus les plus proches&#xa0;: %1.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>It is more typical than %1 of known events.</source>
        <translation>Il est plus typique que %1 des événements connus.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The strictness (%1) rejects only events less typical than that, so it is accepted.</source>
        <translation>La sévérité (%1) ne rejette que les événements moins typiques que cela&#xa0;: il est donc accepté.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The strictness is 100%: every event is rejected.</source>
        <translation>La sévérité est de 100&#xa0;%&#xa0;: tout événement est rejeté.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The strictness (%1) rejects events less typical than that, so it is rejected; it would be accepted at a strictness of %2 or less.</source>
        <translation>La sévérité (%1) rejette les événements moins typiques que cela&#xa0;: il est donc rejeté&#xa0;; il serait accepté avec une sévérité de %2 ou moins.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Event %1</source>
        <translation>Événement %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>It resembles %1 most.</source>
        <translation>Il ressemble surtout à %1.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Known-set level %1 · strictness %2 · margin %3</source>
        <translation>Niveau dans l’ensemble connu %1 · sévérité %2 · marge %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Class scores: %1</source>
        <translation>Scores de classe&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nearest neurons</source>
        <translation>Neurones les plus proches</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Inside this neuron&apos;s ball</source>
        <translation>À l’intérieur de la boule de ce neurone</translation>
    </message>
</context>
<context>
    <name>dlm::ui::FlashDialog</name>
    <message>
        <location filename="../ui/board/flash_dialog.cpp" line="+34"/>
        <source>Flash firmware</source>
        <translation>Flasher le firmware</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Writes the Deeplomath firmware into the board through its debug probe, checks it and restarts the board. The studio lets go of the board while the probe works, and reconnects after.</source>
        <translation>Écrit le firmware Deeplomath dans la carte par sa sonde de débogage, le vérifie et redémarre la carte. Le studio libère la carte pendant que la sonde travaille, et se reconnecte après.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Flash</source>
        <translation>&amp;Flasher</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel flashing</source>
        <translation>Annuler le flashage</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>openocd (Debian&apos;s openocd) writes the ELF image and verifies it; st-flash (Debian&apos;s stlink-tools) writes the raw .bin image.</source>
        <translation>openocd (paquet Debian openocd) écrit l’image ELF et la vérifie&#xa0;; st-flash (paquet Debian stlink-tools) écrit l’image brute .bin.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Board:</source>
        <translation>&amp;Carte&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Probe tool:</source>
        <translation>Outil de &amp;sonde&#xa0;:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No image found: choose one</source>
        <translation>Aucune image trouvée&#xa0;: choisissez-en une</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Choose…</source>
        <translation>C&amp;hoisir…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Image:</source>
        <translation>&amp;Image&#xa0;:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Ready.</source>
        <translation>Prêt.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>What the tool printed</source>
        <translation>Ce que l’outil a affiché</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1 — not installed</source>
        <translation>%1 — non installé</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The image you chose is written as it is.</source>
        <translation>L’image choisie est écrite telle quelle.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Found by itself; choose another image to write that one.</source>
        <translation>Trouvée d’elle-même&#xa0;; choisissez une autre image pour écrire celle-là.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose the firmware image</source>
        <translation>Choisir l’image du firmware</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Firmware images (*.elf *.bin);;All files (*)</source>
        <translation>Images de firmware (*.elf *.bin);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Done.</source>
        <translation>Terminé.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stopped.</source>
        <translation>Arrêté.</translation>
    </message>
</context>
<context>
    <name>dlm::ui::FleetPanel</name>
    <message>
        <location filename="../ui/fleet/fleet_panel.cpp" line="+142"/>
        <location line="+143"/>
        <source>Connect to a broker…</source>
        <translation>Se connecter à un broker…</translation>
    </message>
    <message>
        <location line="-140"/>
        <source>Disconnect</source>
        <translation>Déconnecter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Filter: site, gateway, board, state…</source>
        <translation>Filtrer&#xa0;: site, passerelle, carte, état…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Online only</source>
        <translation>En ligne seulement</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Open board</source>
        <translation>Ouvrir la carte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Make the selected board the studio&apos;s board: watch its signal and tag its events as if it were plugged in here</source>
        <translation>Faire de la carte sélectionnée la carte du studio&#xa0;: voir son signal et étiqueter ses événements comme si elle était branchée ici</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+150"/>
        <source>Send the studio&apos;s model to the selected boards through their gateways; each activates it only once it has verified it, and keeps its own model otherwise</source>
        <translation>Envoyer le modèle du studio aux cartes sélectionnées par leurs passerelles&#xa0;; chacune ne l’active qu’après l’avoir vérifié, et garde son propre modèle sinon</translation>
    </message>
    <message>
        <location line="-85"/>
        <source>Not connected to a broker</source>
        <translation>Pas connecté à un broker</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Broker %1</source>
        <translation>Broker %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Broker %1: not connected, retrying</source>
        <translation>Broker %1&#xa0;: pas connecté, nouvel essai</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Change broker…</source>
        <translation>Changer de broker…</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n malformed message(s) ignored</source>
        <extracomment>Payloads from the broker that were not valid (counted and ignored).</extracomment>
        <translation>
            <numerusform>%n message malformé ignoré</numerusform>
            <numerusform>%n messages malformés ignorés</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Push of %1: %2 verified, %3 failed, %4 in progress</source>
        <extracomment>%1: a model&apos;s identity; %2, %3, %4: counts of boards.</extracomment>
        <translation>Envoi de %1&#xa0;: %2 vérifiés, %3 en échec, %4 en cours</translation>
    </message>
    <message numerus="yes">
        <location line="+32"/>
        <source>Push model to %n board(s)</source>
        <translation>
            <numerusform>Envoyer le modèle à %n carte</numerusform>
            <numerusform>Envoyer le modèle à %n cartes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Push model to the selected boards</source>
        <translation>Envoyer le modèle aux cartes sélectionnées</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The studio has no model yet: tag a few events first.</source>
        <translation>Le studio n’a pas encore de modèle&#xa0;: étiquetez d’abord quelques événements.</translation>
    </message>
    <message numerus="yes">
        <location line="+29"/>
        <source>%1 of %n board(s) online</source>
        <extracomment>%1: boards online, out of %n boards.</extracomment>
        <translation>
            <numerusform>%1 carte sur %n en ligne</numerusform>
            <numerusform>%1 cartes sur %n en ligne</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connect to the MQTT broker your gateways publish to: the boards they serve appear here, with their state and model.</source>
        <translation>Connectez-vous au broker MQTT sur lequel publient vos passerelles&#xa0;: les cartes qu’elles desservent apparaissent ici, avec leur état et leur modèle.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No board yet: start a gateway (dlm-gateway) that publishes to this broker.</source>
        <translation>Aucune carte pour l’instant&#xa0;: démarrez une passerelle (dlm-gateway) qui publie sur ce broker.</translation>
    </message>
</context>
<context>
    <name>dlm::ui::GestureToolbar</name>
    <message>
        <location filename="../ui/board/gesture_toolbar.cpp" line="+98"/>
        <source>Gestures</source>
        <translation>Gestes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>  Virtual board:  </source>
        <translation>  Carte virtuelle&#xa0;:  </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>  Never seen:  </source>
        <translation>  Jamais vus&#xa0;:  </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gestures no class describes: a good network rejects them as unknown</source>
        <translation>Gestes qu’aucune classe ne décrit&#xa0;: un bon réseau les rejette comme inconnus</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Make the virtual board perform a %1</source>
        <translation>Faire exécuter le geste «&#xa0;%1&#xa0;» par la carte virtuelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make the virtual board perform a %1 — a gesture it was never taught; it should be rejected as unknown</source>
        <translation>Faire exécuter le geste «&#xa0;%1&#xa0;» par la carte virtuelle — un geste qui n’a jamais été appris&#xa0;; il devrait être rejeté comme inconnu</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Gestures on request need the virtual board; a real board is moved by hand.</source>
        <translation>Les gestes à la demande nécessitent la carte virtuelle&#xa0;; une carte réelle se manipule à la main.</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>&amp;Demo: spontaneous gestures</source>
        <translation>&amp;Démo&#xa0;: gestes spontanés</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Demo</source>
        <translation>Démo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Let the virtual board also perform gestures of its own, about one every 5 s, as a demo. Off, every event comes from a gesture you ask for and carries it as a suggested tag.</source>
        <translation>Laisser la carte virtuelle faire aussi des gestes d’elle-même, environ un toutes les 5&#xa0;s, pour la démonstration. Désactivé, chaque événement vient d’un geste que vous demandez et le porte comme étiquette suggérée.</translation>
    </message>
</context>
<context>
    <name>dlm::ui::GrowthPanel</name>
    <message>
        <location filename="../ui/growth/growth_panel.cpp" line="+74"/>
        <source>Full rebuild</source>
        <translation>Reconstruction complète</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Where the network stands after the last learned event</source>
        <translation>État du réseau après le dernier événement appris</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log time axis</source>
        <translation>Axe des temps logarithmique</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show learning time on a logarithmic axis: full rebuilds take far longer than one incremental learn</source>
        <translation>Afficher le temps d’apprentissage sur un axe logarithmique&#xa0;: une reconstruction complète prend bien plus de temps qu’un apprentissage incrémental</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;p style=&apos;font-size:13pt&apos;&gt;No learning yet.&lt;/p&gt;&lt;p&gt;Tag events with keys 1–9 to teach the network.&lt;br&gt;Its size, depth, learning time, accuracy and rejection rate are charted here as it learns.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;font-size:13pt&apos;&gt;Aucun apprentissage pour l’instant.&lt;/p&gt;&lt;p&gt;Étiquetez des événements avec les touches 1–9 pour entraîner le réseau.&lt;br&gt;Sa taille, sa profondeur, son temps d’apprentissage, sa précision et son taux de rejet sont tracés ici au fil de l’apprentissage.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Prequential accuracy</source>
        <translation>Précision préquentielle</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Accuracy (0–1)</source>
        <translation>Précision (0–1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rejection rate</source>
        <translation>Taux de rejet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rejected (0–1)</source>
        <translation>Rejetés (0–1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Predict-then-learn accuracy</source>
        <translation>Précision «&#xa0;prédire puis apprendre&#xa0;»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Events rejected as unknown</source>
        <translation>Événements rejetés comme inconnus</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Events learned</source>
        <translation>Événements appris</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Network size</source>
        <translation>Taille du réseau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Neurons per layer</source>
        <translation>Neurones par couche</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Depth (layers)</source>
        <translation>Profondeur (couches)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Depth</source>
        <translation>Profondeur</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Learning time per event</source>
        <translation>Temps d’apprentissage par événement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time (µs)</source>
        <translation>Temps (µs)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Time (µs, log)</source>
        <translation>Temps (µs, log)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Learn (incremental)</source>
        <translation>Apprentissage (incrémental)</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Layer %1</source>
        <translation>Couche %1</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Waiting for the first learned event</source>
        <translation>En attente du premier événement appris</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>&lt;b&gt;%Ln&lt;/b&gt; event(s) learned</source>
        <translation>
            <numerusform>&lt;b&gt;%Ln&lt;/b&gt; événement appris</numerusform>
            <numerusform>&lt;b&gt;%Ln&lt;/b&gt; événements appris</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>&lt;b&gt;%Ln&lt;/b&gt; neuron(s)</source>
        <translation>
            <numerusform>&lt;b&gt;%Ln&lt;/b&gt; neurone</numerusform>
            <numerusform>&lt;b&gt;%Ln&lt;/b&gt; neurones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln full rebuild(s)</source>
        <translation>
            <numerusform>%Ln reconstruction complète</numerusform>
            <numerusform>%Ln reconstructions complètes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 · depth &lt;b&gt;%2&lt;/b&gt; · %3 · accuracy &lt;b&gt;%4%&lt;/b&gt; · rejected &lt;b&gt;%5%&lt;/b&gt; · %6</source>
        <extracomment>%1: &quot;%Ln event(s) learned&quot;; %3: &quot;%Ln neuron(s)&quot;; %6: &quot;%Ln full rebuild(s)&quot;.</extracomment>
        <translation>%1 · profondeur &lt;b&gt;%2&lt;/b&gt; · %3 · précision &lt;b&gt;%4&#xa0;%&lt;/b&gt; · rejetés &lt;b&gt;%5&#xa0;%&lt;/b&gt; · %6</translation>
    </message>
</context>
<context>
    <name>dlm::ui::KnownSetPanel</name>
    <message>
        <location filename="../ui/knownset/known_set_panel.cpp" line="+63"/>
        <source>Strictness:</source>
        <translation>Sévérité&#xa0;:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The share of known events to reject, measured on events the model did not learn from. 0% rejects nothing, 100% rejects everything: more rejects more. The board gets the same value.</source>
        <translation>La proportion d’événements connus à rejeter, mesurée sur des événements dont le modèle n’a pas appris. 0&#xa0;% ne rejette rien, 100&#xa0;% rejette tout&#xa0;: plus est élevé, plus on rejette. La carte reçoit la même valeur.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Events rejected as unknown at this strictness, by the model&apos;s own rule on each event</source>
        <translation>Événements rejetés comme inconnus à cette sévérité, selon la règle du modèle appliquée à chaque événement</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Map: PCA</source>
        <translation>Carte&#xa0;: ACP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Map: two features</source>
        <translation>Carte&#xa0;: deux caractéristiques</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where events are placed: the first two principal components of the tagged events, or two chosen descriptor features. Placement only: each point&apos;s colour and mark are its own decision.</source>
        <translation>Position des événements&#xa0;: les deux premières composantes principales des événements étiquetés, ou deux caractéristiques choisies du descripteur. La position seulement&#xa0;: la couleur et la marque de chaque point sont sa propre décision.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Descriptor feature on the horizontal axis</source>
        <translation>Caractéristique de descripteur sur l’axe horizontal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Descriptor feature on the vertical axis</source>
        <translation>Caractéristique de descripteur sur l’axe vertical</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit the map to the events (wheel zooms, drag pans)</source>
        <translation>Ajuster la carte aux événements (la molette zoome, glisser déplace)</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>Nothing learned yet: every event is unknown</source>
        <translation>Rien d’appris pour l’instant&#xa0;: tout événement est inconnu</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 of %2 tagged</source>
        <translation>%1 sur %2 étiquetés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of %2 untagged</source>
        <translation>%1 sur %2 non étiquetés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of %2 marked unknown</source>
        <translation>%1 sur %2 marqués inconnus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected now: %1</source>
        <translation>Rejetés maintenant&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>rejected (hollow, crossed)</source>
        <translation>rejeté (creux, barré)</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>No events yet</source>
        <translation>Aucun événement pour l’instant</translation>
    </message>
</context>
<context>
    <name>dlm::ui::LiveSignalPanel</name>
    <message>
        <location filename="../ui/live/live_signal_panel.cpp" line="+52"/>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>y</source>
        <translation>y</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>z</source>
        <translation>z</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ch 4</source>
        <translation>can. 4</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ch 5</source>
        <translation>can. 5</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ch 6</source>
        <translation>can. 6</translation>
    </message>
    <message>
        <location line="+46"/>
        <location line="+292"/>
        <source>Pause</source>
        <translation>Suspendre</translation>
    </message>
    <message>
        <location line="-290"/>
        <source>Freeze the view to inspect it; samples keep being recorded (Space)</source>
        <translation>Figer la vue pour l’examiner&#xa0;; les échantillons continuent d’être enregistrés (Espace)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Window:</source>
        <translation>Fenêtre&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Length of the rolling time window</source>
        <translation>Durée de la fenêtre temporelle glissante</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Autoscale</source>
        <translation>Échelle auto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fit the value axis to the visible samples</source>
        <translation>Ajuster l’axe des valeurs aux échantillons visibles</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Trigger:</source>
        <translation>Déclencheur&#xa0;:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> counts</source>
        <translation> unités</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Event trigger: RMS energy of the high-passed motion, in counts. You can also drag the dashed line in the plot.</source>
        <translation>Déclencheur d’événement&#xa0;: énergie RMS du mouvement filtré passe-haut, en unités brutes. Vous pouvez aussi faire glisser la ligne pointillée du graphique.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The view is frozen; incoming samples are still kept. Resume to follow the stream again.</source>
        <translation>La vue est figée&#xa0;; les échantillons entrants sont toujours conservés. Reprenez pour suivre à nouveau le flux.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Samples per second arriving from the board, and sample frames lost on the link since it connected</source>
        <translation>Échantillons par seconde reçus de la carte, et trames d’échantillons perdues sur la liaison depuis la connexion</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Time (s)</source>
        <translation>Temps (s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acceleration (counts)</source>
        <translation>Accélération (unités brutes)</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Waiting for samples…
Connect a board, or start the virtual board to see its signals here.</source>
        <translation>En attente d’échantillons…
Connectez une carte, ou démarrez la carte virtuelle pour voir ses signaux ici.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>ch %1</source>
        <translation>can. %1</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>Trigger %1</source>
        <translation>Seuil %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%L1 samples/s</source>
        <translation>%L1 éch./s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%L1 lost</source>
        <translation>%L1 trames perdues</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <location line="+137"/>
        <source>Paused, still recording (%1 s behind) · drag to pan, wheel to zoom</source>
        <translation>En pause, enregistrement en cours (%1 s de retard) · glisser pour déplacer, molette pour zoomer</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No stream</source>
        <translation>Aucun flux</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%L1 frame(s) received</source>
        <translation>
            <numerusform>%L1 trame reçue</numerusform>
            <numerusform>%L1 trames reçues</numerusform>
        </translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Drag to change the trigger threshold</source>
        <translation>Faites glisser pour modifier le seuil de déclenchement</translation>
    </message>
</context>
<context>
    <name>dlm::ui::MainWindow</name>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="+76"/>
        <location filename="../ui/main_window/main_window_text.cpp" line="+77"/>
        <source>acceleration (counts, 4096 = 1 g)</source>
        <translation>accélération (unités brutes, 4096 = 1 g)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Known set</source>
        <translation>Ensemble connu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network growth</source>
        <translation>Croissance du réseau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Board</source>
        <translation>Carte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fleet</source>
        <translation>Flotte</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No board</source>
        <translation>Aucune carte</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../ui/main_window/main_window_wiring.cpp" line="+110"/>
        <source>No model yet</source>
        <translation>Pas encore de modèle</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Untitled</source>
        <translation>Sans titre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1%2 — Deeplomath Studio</source>
        <translation>%1%2 — Deeplomath Studio</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>The window layout saved in the project could not be applied; the current layout is kept.</source>
        <translation>La disposition de fenêtre enregistrée dans le projet n’a pas pu être appliquée&#xa0;; la disposition actuelle est conservée.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The studio did not close cleanly last time. Recover the events and tags it had?</source>
        <translation>Le studio ne s’est pas fermé correctement la dernière fois. Récupérer ses événements et ses étiquettes&#xa0;?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A session from %1 was not saved: %2, %3. Recover it?</source>
        <extracomment>%1: date and time of the last autosave; %2: &quot;%Ln event(s)&quot;; %3: &quot;%Ln tagged&quot; (events tagged with a class or as unknown). &quot;A session from 5 Dec 2026 09:14 was not saved: 42 events, 15 tagged. Recover it?&quot;</extracomment>
        <translation>Une session du %1 n’a pas été enregistrée&#xa0;: %2, %3. La récupérer&#xa0;?</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln event(s)</source>
        <translation>
            <numerusform>%Ln événement</numerusform>
            <numerusform>%Ln événements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%Ln tagged</source>
        <translation>
            <numerusform>%Ln étiqueté</numerusform>
            <numerusform>%Ln étiquetés</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Recover the last session?</source>
        <translation>Récupérer la dernière session&#xa0;?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Recovery failed</source>
        <translation>La récupération a échoué</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window_actions.cpp" line="+6"/>
        <source>&amp;New project</source>
        <translation>&amp;Nouveau projet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open project…</source>
        <translation>&amp;Ouvrir un projet…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save project</source>
        <translation>&amp;Enregistrer le projet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save project &amp;as…</source>
        <translation>Enregistrer le projet &amp;sous…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import recording (CSV, WAV)…</source>
        <translation>&amp;Importer un enregistrement (CSV, WAV)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export &amp;dataset (CSV)…</source>
        <translation>Exporter le jeu de &amp;données (CSV)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export &amp;model…</source>
        <translation>Exporter le &amp;modèle…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Use the &amp;virtual board</source>
        <translation>Utiliser la carte &amp;virtuelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Disconnect</source>
        <translation>&amp;Déconnecter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Push model to the board</source>
        <translation>&amp;Envoyer le modèle à la carte</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;ull model from the board</source>
        <translation>&amp;Récupérer le modèle de la carte</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Flash firmware…</source>
        <translation>&amp;Flasher le firmware…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Rebuild the network</source>
        <translation>&amp;Reconstruire le réseau</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Pause the live signal</source>
        <translation>Mettre en &amp;pause le signal en direct</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About Deeplomath Studio</source>
        <translation>À &amp;propos de Deeplomath Studio</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../ui/main_window/main_window_layout.cpp" line="+58"/>
        <source>&amp;Board</source>
        <translation>&amp;Carte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Connect to</source>
        <translation>Se &amp;connecter à</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Network</source>
        <translation>&amp;Réseau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new language applies the next time the studio starts.</source>
        <translation>La nouvelle langue s’appliquera au prochain démarrage du studio.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Main</source>
        <translation>Principale</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No serial port found — plug a board in</source>
        <translation>Aucun port série trouvé — branchez une carte</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (last used)</source>
        <translation>%1 (dernière utilisée)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The session has changes that are not saved in a project. Save them first?</source>
        <translation>La session comporte des modifications qui ne sont enregistrées dans aucun projet. Les enregistrer d’abord&#xa0;?</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Open project</source>
        <translation>Ouvrir un projet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot open the project</source>
        <translation>Impossible d’ouvrir le projet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1

Nothing was changed in the current session.</source>
        <translation>%1

La session en cours n’a pas été modifiée.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+10"/>
        <source>Cannot save the project</source>
        <translation>Impossible d’enregistrer le projet</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Save project</source>
        <translation>Enregistrer le projet</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Import a recording</source>
        <translation>Importer un enregistrement</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Recordings (*.csv *.wav);;All files (*)</source>
        <translation>Enregistrements (*.csv *.wav);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot import the recording</source>
        <translation>Impossible d’importer l’enregistrement</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export the dataset</source>
        <translation>Exporter le jeu de données</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot export the dataset</source>
        <translation>Impossible d’exporter le jeu de données</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export the model</source>
        <translation>Exporter le modèle</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../ui/main_window/main_window_wiring.cpp" line="+47"/>
        <source>Deeplomath models (*.dlm)</source>
        <translation>Modèles Deeplomath (*.dlm)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot export the model</source>
        <translation>Impossible d’exporter le modèle</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>About Deeplomath Studio</source>
        <translation>À propos de Deeplomath Studio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Deeplomath Studio %1&lt;/h3&gt;&lt;p&gt;A deep-learning kernel that learns without backpropagation, one event at a time, builds its own depth and neuron density, and rejects what lies outside its known set.&lt;/p&gt;&lt;p&gt;Kernel %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Deeplomath Studio %1&lt;/h3&gt;&lt;p&gt;Un noyau d’apprentissage profond qui apprend sans rétropropagation, un événement à la fois, construit lui-même sa profondeur et sa densité de neurones, et rejette ce qui se trouve hors de son ensemble connu.&lt;/p&gt;&lt;p&gt;Noyau %2.&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/main_window/main_window_wiring.cpp" line="-107"/>
        <source>%1 neurons × %2 dimensions, %n class(es)</source>
        <translation>
            <numerusform>%1 neurones × %2 dimensions, %n classe</numerusform>
            <numerusform>%1 neurones × %2 dimensions, %n classes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>; models up to %1</source>
        <translation>&#xa0;; modèles jusqu’à %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Board: %1</source>
        <translation>Carte&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No board (%1)</source>
        <translation>Aucune carte (%1)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Model pull failed: %1</source>
        <translation>Échec de la récupération du modèle&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+29"/>
        <source>Model: depth %1, neurons %2, %n event(s) learned</source>
        <translation>
            <numerusform>Modèle&#xa0;: profondeur %1, neurones %2, %n événement appris</numerusform>
            <numerusform>Modèle&#xa0;: profondeur %1, neurones %2, %n événements appris</numerusform>
        </translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Pulled the board&apos;s model (%1 bytes, CRC verified).</source>
        <translation>Modèle de la carte récupéré (%1 octets, CRC vérifié).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the board&apos;s model</source>
        <translation>Enregistrer le modèle de la carte</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot save the model</source>
        <translation>Impossible d’enregistrer le modèle</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window_layout.cpp" line="-5"/>
        <source>&amp;Layout</source>
        <translation>&amp;Disposition</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Capture &amp;&amp; tag</source>
        <translation>&amp;Capture et étiquetage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Inspect</source>
        <translation>&amp;Inspection</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Fleet</source>
        <translation>&amp;Flotte</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Reset layout</source>
        <translation>&amp;Rétablir la disposition</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put every panel back where the studio first placed it</source>
        <translation>Remettre chaque panneau à sa place d’origine</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window_text.cpp" line="-45"/>
        <source>printed values (counts)</source>
        <translation>valeurs imprimées (unités brutes)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>printed values × %1 (counts)</source>
        <extracomment>%1: the factor from printed values to counts, e.g. &quot;1000&quot;.</extracomment>
        <translation>valeurs imprimées × %1 (unités brutes)</translation>
    </message>
    <message numerus="yes">
        <location line="+52"/>
        <source>No Deeplomath board answered on %1, but it prints lines of numbers: %n channel(s) at %2 Hz (%3).</source>
        <extracomment>%1: a serial port; %2: a sample rate in Hz; %3: the channels&apos; names.</extracomment>
        <translation>
            <numerusform>Aucune carte Deeplomath n’a répondu sur %1, mais elle imprime des lignes de nombres&#xa0;: %n canal à %2 Hz (%3).</numerusform>
            <numerusform>Aucune carte Deeplomath n’a répondu sur %1, mais elle imprime des lignes de nombres&#xa0;: %n canaux à %2 Hz (%3).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A board that prints numbers</source>
        <translation>Une carte qui imprime des nombres</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>As a text-stream board, the studio finds its events itself, learns and predicts them; you export the model instead of pushing it.</source>
        <translation>En carte à flux texte, le studio trouve lui-même ses événements, les apprend et les prédit&#xa0;; vous exportez le modèle au lieu de l’envoyer.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Use as a text-stream board</source>
        <translation>Utiliser comme carte à flux texte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep waiting for a Deeplomath board</source>
        <translation>Continuer d’attendre une carte Deeplomath</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Channels and rate of the text stream</source>
        <translation>Canaux et fréquence du flux texte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The studio infers both from the lines the board prints. Set them yourself when it gets them wrong; 0 lets it infer again.</source>
        <translation>Le studio les déduit des lignes que la carte imprime. Fixez-les vous-même s’il se trompe&#xa0;; 0 le laisse les déduire à nouveau.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>inferred (%1)</source>
        <translation>déduit (%1)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> Hz</source>
        <translation> Hz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>inferred (%1 Hz)</source>
        <translation>déduite (%1 Hz)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Channels:</source>
        <translation>Canaux&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sample rate:</source>
        <translation>Fréquence d’échantillonnage&#xa0;:</translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window_fleet.cpp" line="+20"/>
        <source>F&amp;leet</source>
        <translation>F&amp;lotte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Connect to a broker…</source>
        <translation>Se &amp;connecter à un broker…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Disconnect from the broker</source>
        <translation>Se &amp;déconnecter du broker</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Open the selected board</source>
        <translation>&amp;Ouvrir la carte sélectionnée</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Push the model to the selected boards…</source>
        <translation>&amp;Envoyer le modèle aux cartes sélectionnées…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show the &amp;fleet</source>
        <translation>Afficher la &amp;flotte</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Board: %1 (fleet)</source>
        <translation>Carte&#xa0;: %1 (flotte)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Cannot connect to the broker</source>
        <translation>Impossible de se connecter au broker</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>Push the studio&apos;s model %1 to %n board(s)? Each board activates it only once it has received and verified it; a board that refuses it keeps its own model.</source>
        <extracomment>%1: the model&apos;s identity (CRC-32); %n: how many boards.</extracomment>
        <translation>
            <numerusform>Envoyer le modèle %1 du studio à %n carte&#xa0;? Elle ne l’active qu’après l’avoir reçu et vérifié&#xa0;; si elle le refuse, elle garde son propre modèle.</numerusform>
            <numerusform>Envoyer le modèle %1 du studio à %n cartes&#xa0;? Chaque carte ne l’active qu’après l’avoir reçu et vérifié&#xa0;; une carte qui le refuse garde son propre modèle.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Push to the fleet</source>
        <translation>Envoi à la flotte</translation>
    </message>
</context>
<context>
    <name>dlm::ui::NetworkCanvas</name>
    <message numerus="yes">
        <location filename="../ui/network/network_canvas.cpp" line="+59"/>
        <source>Layer %1 — %Ln neuron(s)</source>
        <translation>
            <numerusform>Couche %1 — %Ln neurone</numerusform>
            <numerusform>Couche %1 — %Ln neurones</numerusform>
        </translation>
    </message>
    <message>
        <location line="+43"/>
        <source>No network yet.
Tag events with keys 1–9 to teach the network:
its layers and neurons appear here.</source>
        <translation>Pas encore de réseau.
Étiquetez des événements avec les touches 1–9 pour entraîner le réseau&#xa0;:
ses couches et ses neurones apparaissent ici.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>descriptor input</source>
        <translation>entrée&#xa0;: descripteurs</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>stacked on layer %1</source>
        <translation>empilée sur la couche %1</translation>
    </message>
    <message numerus="yes">
        <location line="+74"/>
        <source>&lt;b&gt;Layer %1, neuron %2&lt;/b&gt;&lt;br&gt;Class: %3&lt;br&gt;Learned from %Ln event(s)&lt;br&gt;&lt;i&gt;Click for details&lt;/i&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;Couche %1, neurone %2&lt;/b&gt;&lt;br&gt;Classe&#xa0;: %3&lt;br&gt;Appris de %Ln événement&lt;br&gt;&lt;i&gt;Cliquez pour plus de détails&lt;/i&gt;</numerusform>
            <numerusform>&lt;b&gt;Couche %1, neurone %2&lt;/b&gt;&lt;br&gt;Classe&#xa0;: %3&lt;br&gt;Appris de %Ln événements&lt;br&gt;&lt;i&gt;Cliquez pour plus de détails&lt;/i&gt;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dlm::ui::NetworkPanel</name>
    <message numerus="yes">
        <location filename="../ui/network/network_panel.cpp" line="+94"/>
        <source>&lt;b&gt;%Ln&lt;/b&gt; layer(s)</source>
        <translation>
            <numerusform>&lt;b&gt;%Ln&lt;/b&gt; couche</numerusform>
            <numerusform>&lt;b&gt;%Ln&lt;/b&gt; couches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>&lt;b&gt;%Ln&lt;/b&gt; neuron(s)</source>
        <translation>
            <numerusform>&lt;b&gt;%Ln&lt;/b&gt; neurone</numerusform>
            <numerusform>&lt;b&gt;%Ln&lt;/b&gt; neurones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>&lt;b&gt;%Ln&lt;/b&gt; event(s) learned</source>
        <translation>
            <numerusform>&lt;b&gt;%Ln&lt;/b&gt; événement appris</numerusform>
            <numerusform>&lt;b&gt;%Ln&lt;/b&gt; événements appris</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 · %2 · %3 · model &lt;code&gt;%4&lt;/code&gt; (%5 KB) · threshold %6&lt;br&gt;%7</source>
        <extracomment>%1: &quot;%Ln layer(s)&quot;; %2: &quot;%Ln neuron(s)&quot;; %3: &quot;%Ln event(s) learned&quot;.</extracomment>
        <translation>%1 · %2 · %3 · modèle &lt;code&gt;%4&lt;/code&gt; (%5 KB) · seuil %6&lt;br&gt;%7</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Colour = class, area = events learned from.</source>
        <translation>Couleur = classe, aire = événements appris.</translation>
    </message>
</context>
<context>
    <name>dlm::ui::NeuronDetails</name>
    <message>
        <location filename="../ui/network/neuron_details.cpp" line="+64"/>
        <source>Class:</source>
        <translation>Classe&#xa0;:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Centre</source>
        <translation>Centre du neurone</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Where the neuron sits in its layer&apos;s input space</source>
        <translation>Position du neurone dans l’espace d’entrée de sa couche</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The whole centre vector: component index across, value up</source>
        <translation>Le vecteur centre complet&#xa0;: indice de composante en abscisse, valeur en ordonnée</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Metric radii</source>
        <translation>Rayons métriques</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Extent of the neuron&apos;s ball along each direction (1/√m)</source>
        <translation>Étendue de la boule du neurone dans chaque direction (1/√m)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Radius per direction</source>
        <translation>Rayon par direction</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Layer %1 · neuron %2</source>
        <translation>Couche %1 · neurone %2</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%Ln event(s)</source>
        <translation>
            <numerusform>%Ln événement</numerusform>
            <numerusform>%Ln événements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n value(s): %1%2</source>
        <translation>
            <numerusform>%n valeur&#xa0;: %1%2</numerusform>
            <numerusform>%n valeurs&#xa0;: %1%2</numerusform>
        </translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+7"/>
        <source>not available</source>
        <translation>non disponible</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>min %1 · median %2 · max %3</source>
        <translation>min. %1 · médiane %2 · max. %3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Event %1</source>
        <translation>Événement %1</translation>
    </message>
    <message>
        <location line="-104"/>
        <source>Click a neuron to see its class, how many events it learned from, its centre, metric radii and the events inside its ball.</source>
        <translation>Cliquez sur un neurone pour voir sa classe, le nombre d’événements dont il a appris, son centre, ses rayons métriques et les événements situés dans sa boule.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Tagged events of its class this neuron was built or widened from while learning (its support)</source>
        <translation>Les événements étiquetés de sa classe à partir desquels ce neurone a été créé ou élargi pendant l’apprentissage (son support)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Learned from:</source>
        <translation>Appris de&#xa0;:</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Events inside its ball</source>
        <translation>Événements dans sa boule</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every event of the session inside this neuron&apos;s ball now, tagged or not, learned or not — double-click one to open it</source>
        <translation>Tous les événements de la session situés maintenant dans la boule de ce neurone, étiquetés ou non, appris ou non — double-cliquez sur l’un d’eux pour l’ouvrir</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Events inside its ball: listed for first-layer neurons only</source>
        <translation>Événements dans sa boule&#xa0;: listés pour les neurones de la première couche seulement</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%Ln event(s) inside its ball now</source>
        <extracomment>%Ln: how many events of the session lie inside the neuron&apos;s ball now.</extracomment>
        <translation>
            <numerusform>%Ln événement dans sa boule actuellement</numerusform>
            <numerusform>%Ln événements dans sa boule actuellement</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dlm::ui::ScoreHistogram</name>
    <message>
        <location filename="../ui/knownset/score_histogram.cpp" line="+47"/>
        <source>How typical</source>
        <translation>Typicité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>events</source>
        <translation>événements</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How typical each event is: the share of known events that are less typical than it. The red line is the strictness: events left of it are rejected. Drag it to change the strictness.</source>
        <translation>Typicité de chaque événement&#xa0;: la proportion d’événements connus moins typiques que lui. La ligne rouge est la sévérité&#xa0;: les événements à sa gauche sont rejetés. Faites-la glisser pour changer la sévérité.</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>No events yet</source>
        <translation>Aucun événement pour l’instant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing learned yet</source>
        <translation>Rien d’appris pour l’instant</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>rejected %1</source>
        <translation>rejetés %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accepted %1</source>
        <translation>acceptés %1</translation>
    </message>
</context>
<context>
    <name>dlm::ui::TextStreamBox</name>
    <message>
        <location filename="../ui/board/text_stream_box.cpp" line="+18"/>
        <source>line arrival times</source>
        <translation>heures d’arrivée des lignes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its timestamps</source>
        <translation>ses horodatages</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>set by you</source>
        <translation>fixée par vous</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not known yet</source>
        <translation>pas encore connue</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Text stream</source>
        <translation>Flux texte</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Format:</source>
        <translation>Format&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Names:</source>
        <translation>Noms&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timestamp:</source>
        <translation>Horodatage&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale:</source>
        <translation>Échelle&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lines:</source>
        <translation>Lignes&#xa0;:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Unreadable lines (skipped):</source>
        <translation>Lignes illisibles (ignorées)&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lines that were not samples of the stream. They are skipped and counted; the stream goes on.</source>
        <translation>Lignes qui n’étaient pas des échantillons du flux. Elles sont ignorées et comptées&#xa0;; le flux continue.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Channels and rate…</source>
        <translation>Canaux et fréquence…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set the number of channels or the sample rate yourself instead of letting the studio infer them</source>
        <translation>Fixer vous-même le nombre de canaux ou la fréquence d’échantillonnage au lieu de laisser le studio les déduire</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Not numbers</source>
        <translation>Pas des nombres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong column count</source>
        <translation>Mauvais nombre de colonnes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too many columns</source>
        <translation>Trop de colonnes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NaN or infinity</source>
        <translation>NaN ou infini</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too long</source>
        <translation>Trop longues</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Binary bytes</source>
        <translation>Octets binaires</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n channel(s) at %1 Hz (%2)</source>
        <extracomment>%1: a sample rate; %2: where it comes from (&quot;line arrival times&quot;, &quot;its timestamps&quot;...).</extracomment>
        <translation>
            <numerusform>%n canal à %1 Hz (%2)</numerusform>
            <numerusform>%n canaux à %1 Hz (%2)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>first column, in %1</source>
        <translation>première colonne, en %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>× %1 to counts (automatic)</source>
        <translation>× %1 en unités brutes (automatique)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>× %1 to counts (set by you)</source>
        <translation>× %1 en unités brutes (fixée par vous)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 samples of %2 lines</source>
        <extracomment>%1: sample lines; %2: every line read.</extracomment>
        <translation>%1 échantillons sur %2 lignes</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../ui/studio_main/main.cpp" line="+59"/>
        <source>Tag live sensor events, watch a backpropagation-free network grow, and push models to boards.</source>
        <translation>Étiquetez en direct les événements d’un capteur, regardez grandir un réseau sans rétropropagation et envoyez des modèles aux cartes.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Serial port of a board.</source>
        <translation>Port série d’une carte.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Baud rate (default 921600).</source>
        <translation>Débit en bauds (921600 par défaut).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use the built-in virtual board (the default without --port).</source>
        <translation>Utiliser la carte virtuelle intégrée (choix par défaut sans --port).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open a project file.</source>
        <translation>Ouvrir un fichier de projet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Interface language: fr or en.</source>
        <translation>Langue de l’interface&#xa0;: fr ou en.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Do not offer to recover an unsaved session.</source>
        <translation>Ne pas proposer de récupérer une session non enregistrée.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>With --port: the board prints lines of numbers (no Deeplomath firmware); the studio detects and learns its events. Default baud rate 115200.</source>
        <translation>Avec --port&#xa0;: la carte imprime des lignes de nombres (pas de firmware Deeplomath)&#xa0;; le studio détecte et apprend ses événements. Débit par défaut 115200 bauds.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>With --text: the number of channels (columns, a timestamp excluded) instead of inferring it.</source>
        <translation>Avec --text&#xa0;: le nombre de canaux (colonnes, horodatage exclu) au lieu de le déduire.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>With --text: the sample rate in Hz instead of inferring it.</source>
        <translation>Avec --text&#xa0;: la fréquence d’échantillonnage en Hz au lieu de la déduire.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connect to the MQTT broker of a fleet of boards (docs/fleet.md) and show it in the Fleet view.</source>
        <translation>Se connecter au broker MQTT d’une flotte de cartes (docs/fleet.md) et l’afficher dans la vue Flotte.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--text needs --port PATH.</source>
        <translation>--text demande --port CHEMIN.</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Cannot open the project</source>
        <translation>Impossible d’ouvrir le projet</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>--broker takes HOST or HOST:PORT.</source>
        <translation>--broker prend HÔTE ou HÔTE:PORT.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot connect to the broker</source>
        <translation>Impossible de se connecter au broker</translation>
    </message>
</context>
</TS>
