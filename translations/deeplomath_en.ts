<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/main_window/main_window_actions.cpp" line="+31"/>
        <source>Deeplomath projects (*.dlmproj)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dlm::app::EventTableModel</name>
    <message>
        <location filename="../app/session/event_table_model.cpp" line="+121"/>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Class %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 (%2%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+96"/>
        <source>This board runs no model (it prints numbers): the studio&apos;s prediction is the one that counts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Known-set score %1, confidence %2%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duration (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Learned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-110"/>
        <source>%1? (Enter)</source>
        <extracomment>A suggested tag the user has not confirmed yet; %1: a class name or &quot;Unknown&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+64"/>
        <source>You asked the virtual board for a %1, a gesture no class describes. Press Enter to tag it as unknown / outlier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You asked the virtual board for a %1. Press Enter to tag it %1 (the class is created if needed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-90"/>
        <source>Unknown (closest: %1)</source>
        <extracomment>A rejected event; %1: the class it resembles most.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+104"/>
        <source>Learned as %1, yet rejected by the current model: with a known-set score of %2 it is less typical of what the model knows than the rejection threshold allows. The threshold rejects the least typical known events on purpose; lower it to accept more of them.</source>
        <extracomment>%1: the event&apos;s tag; %2: its known-set score.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dlm::app::Exporter</name>
    <message>
        <location filename="../app/import_export/exporter.cpp" line="+50"/>
        <source>There is nothing to export: no event is tagged yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+18"/>
        <source>Cannot write “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-6"/>
        <source>There is no model to export yet: tag a few events first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dlm::app::FlashControl</name>
    <message>
        <location filename="../app/controller/flash_control.cpp" line="+53"/>
        <source>Automatic (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Automatic (no probe tool installed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>OpenOCD (openocd)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stlink-tools (st-flash)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Cancelled before anything was written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dlm::app::FlashText</name>
    <message>
        <location filename="../app/flashing/flash_job.cpp" line="+87"/>
        <source>%1 did not finish within %2 s and was stopped: unplug and replug the board, then flash again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancelled. The board may hold a partly written image: flash it again before using it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 crashed; flash again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 could not be started (%2): is it installed?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/flashing/flash_output.cpp" line="+36"/>
        <source>No ST-LINK probe found: plug the board in by its ST-LINK USB port with a data cable (lsusb should list 0483:374b), then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No CMSIS-DAP probe found: plug the board in with a data cable, or flash through its ST-LINK (openocd&apos;s st_nucleo_f4.cfg, or st-flash).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The probe is plugged in but this user may not open it: install its udev rules (Debian&apos;s openocd and stlink-tools packages ship them), then unplug and replug the board.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The probe reads no voltage on the microcontroller: check the board&apos;s power jumper (JP5 on U5V) and that both CN2 jumpers are on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The probe cannot reach the microcontroller: check that both CN2 jumpers are on, then hold RESET, start flashing and release it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The probe tool could not read the image: check the file and its permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The image was written but does not read back the same: flash again; if it persists, the flash may be write-protected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Erasing or writing the flash failed: flash again; if it persists, the flash may be write-protected (option bytes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Starting %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Connecting to the probe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Probe found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+32"/>
        <source>Microcontroller found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Erasing and writing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+38"/>
        <source>Verifying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-35"/>
        <location line="+30"/>
        <source>Verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Resetting the board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+10"/>
        <source>Writing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Erasing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Flashed and verified; the board restarted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flashed; the board restarted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 failed (exit code %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source> (%1 said: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/flashing/flash_plan.cpp" line="+113"/>
        <source>The image %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>st-flash writes raw .bin images only; %1 is not one: give the .bin, or use openocd for an .elf.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 ($DLM_FIRMWARE_DIR is not set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No firmware image %1 found: looked in %2. Build the board&apos;s firmware, install the package, or give the image&apos;s path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source> or </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Unknown board &apos;%1&apos;: the boards that can be flashed are %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Neither openocd nor st-flash is installed: install one (sudo apt-get install openocd, or stlink-tools) and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is not installed: install it (sudo apt-get install %2) or choose the other probe tool.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dlm::app::FleetClient</name>
    <message>
        <location filename="../app/fleet/fleet_client.cpp" line="+32"/>
        <source>Check the user name and password (or the client certificate).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Give the broker&apos;s host name and a port from 1 to 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot connect to the broker: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Connecting to the broker at %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Disconnected from the broker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Connected to the broker at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The broker at %1 refused the connection: %2. %3 Retrying…</source>
        <extracomment>%1: the broker&apos;s address; %2: the broker&apos;s reason; %3: what to check.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lost the broker at %1: %2. Reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The TLS connection to the broker at %1 failed: %2. Is the CA certificate the one that signed the broker&apos;s, and does the broker&apos;s certificate name this host? Retrying…</source>
        <extracomment>%1: the broker&apos;s address; %2: the TLS library&apos;s words.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot reach the broker at %1: %2. Is the broker running there, and are the address, port and TLS settings right? Retrying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1: not a topic of the fleet protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>larger than 1 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>names another gateway than its topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+47"/>
        <source>names another board than its topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/fleet/fleet_client_actions.cpp" line="+107"/>
        <source>There is no model to push yet: tag a few events first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The model is larger than the 4 MiB a fleet push carries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+9"/>
        <source>Select the boards to push the model to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Not connected to the broker: connect first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The broker connection refused the push to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dlm::app::FleetTableModel</name>
    <message>
        <location filename="../app/fleet/fleet_table_model.cpp" line="+24"/>
        <source>%1 %</source>
        <extracomment>A share as a percentage, e.g. &quot;12.5 %&quot;; %1 is the number.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+165"/>
        <source>the gateway said verified, but the board reports another model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Events/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Push</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The model the board runs (its CRC-32), and whether it is the studio&apos;s current model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Events the board detected per second, over its gateway&apos;s last statistics interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share of those events the board rejected as unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When the board&apos;s gateway last said anything about it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The studio&apos;s last push to the board: progress, then the verified outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offline (gateway unknown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offline (gateway stopped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offline (gateway lost)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offline (no longer served)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offline (connecting)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offline (reconnecting)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offline (incompatible)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offline (disconnected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+51"/>
        <location line="+1"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-50"/>
        <source>%1 = studio</source>
        <extracomment>%1: a model&apos;s CRC-32 in hexadecimal.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (other)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sending %1 %</source>
        <extracomment>A push in progress: %1 is the share of the model sent, e.g. &quot;60&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verifying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Superseded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n s ago</source>
        <translation>
            <numerusform>%n s ago</numerusform>
            <numerusform>%n s ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Its gateway lists it; it has not connected yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%1, firmware %2, on %3 of its gateway: %4 channel(s) at %5 Hz</source>
        <extracomment>%1 board name, %2 firmware version, %3 serial port on the gateway&apos;s machine, %4 channels, %5 sample rate.</extracomment>
        <translation>
            <numerusform>%1, firmware %2, on %3 of its gateway: %4 channel at %5 Hz</numerusform>
            <numerusform>%1, firmware %2, on %3 of its gateway: %4 channels at %5 Hz</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Board: %1 — studio: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 — the board reports model %2</source>
        <extracomment>%1: the push&apos;s words; %2: the model identity the board reported afterwards.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The board is not connected to its gateway: the push starts when it is.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dlm::app::Gestures</name>
    <message>
        <location filename="../app/views/gesture_catalogue.cpp" line="+11"/>
        <source>shake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>circle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>swipe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tilt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>figure-eight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>triple-knock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>gesture %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dlm::app::HostNetwork</name>
    <message>
        <location filename="../app/learning/host_network.cpp" line="+48"/>
        <source>the network does not support %1 features with %2 classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+44"/>
        <source>not enough memory for a network of %1 MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the network could not be set up (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+57"/>
        <location line="+18"/>
        <source>the model is unreadable (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dlm::app::Importer</name>
    <message>
        <location filename="../app/import_export/importer.cpp" line="+112"/>
        <source>Cannot open “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>it is compressed (format 0x%1); save it as 16-bit PCM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it has %1-bit samples; only 16-bit PCM is supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-56"/>
        <source>it is not a WAV file (it does not start with a WAV header)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <source>its WAV header does not describe the sample format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>it holds no sample data</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>it has %n channel(s); 1 to %1 are supported</source>
        <translation>
            <numerusform>it has %n channel; 1 to %1 are supported</numerusform>
            <numerusform>it has %n channels; 1 to %1 are supported</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>its sample rate is 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot import “%1”: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“%1” ends inside a frame; the partial frame was ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cannot import “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot import “%1”: it has no column “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot import “%1”: it has %2 and %3; 1 to %4 signal columns and at least one row are needed.</source>
        <extracomment>%1: file name; %2: &quot;%n signal column(s)&quot;; %3: &quot;%n row(s)&quot;; %4: the most columns.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n signal column(s)</source>
        <translation>
            <numerusform>%n signal column</numerusform>
            <numerusform>%n signal columns</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>%n value(s) beyond the 16-bit range were clipped.</source>
        <translation>
            <numerusform>%n value beyond the 16-bit range was clipped.</numerusform>
            <numerusform>%n values beyond the 16-bit range were clipped.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The trigger runs at 65535 Hz at most; its filters assume that rate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n channel(s) do not fit a descriptor of %1 dimensions.</source>
        <translation>
            <numerusform>%n channel does not fit a descriptor of %1 dimensions.</numerusform>
            <numerusform>%n channels do not fit a descriptor of %1 dimensions.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The recording ends during an event; that event was left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cannot import “%1”: it has %2 and the board %3; its events could not be learned with the board&apos;s.</source>
        <extracomment>%1: file name; %2: &quot;%n channel(s)&quot; of the file; %3: the board&apos;s channel count.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n channel(s)</source>
        <translation>
            <numerusform>%n channel</numerusform>
            <numerusform>%n channels</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No event was detected in “%1”: the signal never crossed the trigger threshold (%2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dlm::app::Journal</name>
    <message>
        <location filename="../app/persistence/journal.cpp" line="+118"/>
        <source>Cannot write the autosave journal “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+27"/>
        <source>Cannot open the autosave journal “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Cannot append to the autosave journal “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>“%1” is not an autosave journal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The autosave journal “%1” has an unreadable header.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+75"/>
        <source>record %1 does not fit the session</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dlm::app::LearningWorker</name>
    <message>
        <location filename="../app/learning/learning_worker.cpp" line="+138"/>
        <source>The saved model could not be used: %1. The network is rebuilt from the tagged events instead; no event or tag was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The saved model does not match the tagged events (it learned other events, or events of another size). It is being rebuilt from the tagged events; no event or tag was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+85"/>
        <source>Event %1 has %n feature(s), but the network expects %2, so it was not learned.</source>
        <translation>
            <numerusform>Event %1 has %n feature, but the network expects %2, so it was not learned.</numerusform>
            <numerusform>Event %1 has %n features, but the network expects %2, so it was not learned.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Event %1 cannot be learned: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Learning event %1 failed (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+74"/>
        <source>The network could not be rebuilt: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Rebuilding the network from %n event(s)…</source>
        <translation>
            <numerusform>Rebuilding the network from %n event…</numerusform>
            <numerusform>Rebuilding the network from %n events…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The network could not be rebuilt (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/learning/learning_worker_refresh.cpp" line="+35"/>
        <source>Predicting %n event(s)…</source>
        <translation>
            <numerusform>Predicting %n event…</numerusform>
            <numerusform>Predicting %n events…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dlm::app::NetworkViews</name>
    <message>
        <location filename="../app/learning/network_views.cpp" line="+65"/>
        <source>PC1 (%1%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PC2 (%1%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ch%1 bin %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ch%1 RMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ch%1 peak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ch%1 jerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>f%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dlm::app::PortNaming</name>
    <message>
        <location filename="../app/controller/port_naming.cpp" line="+83"/>
        <source>Virtual board (built-in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Virtual or emulated board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Serial port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Port: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>USB vendor:product: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serial number: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manufacturer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Described by the system as: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A pseudo-terminal, e.g. a board emulated by QEMU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The last board used: reconnected by itself when it is plugged in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>SN %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dlm::app::Project</name>
    <message>
        <location filename="../app/persistence/project.cpp" line="+117"/>
        <source>“%1” is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+9"/>
        <source>header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+148"/>
        <source>“%1” is damaged: event %2 of %3 is invalid: %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-243"/>
        <source>“%1” is truncated: the file ends in the middle of its %2. It was not completely written, or was cut short when copied; open an autosave or an older copy instead.</source>
        <extracomment>%2: the part the file ends in, such as &quot;header&quot; or &quot;list of events&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+29"/>
        <source>“%1” is not a Deeplomath project (it does not start with the project signature). Choose a .dlmproj file saved by Deeplomath Studio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>format version number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” was saved by a newer version of Deeplomath Studio (project format %2); this version opens formats up to %3. Update Deeplomath Studio to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>“%1” has an invalid project format version (%2): the file is damaged or was not saved by Deeplomath Studio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>“%1” is damaged: its header claims a length of %L2 bytes, far more than a project header can hold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>“%1” is damaged: its header cannot be read (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>list of events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” is damaged: its list of events is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>list of events (%n event(s) expected)</source>
        <translation>
            <numerusform>list of events (%n event expected)</numerusform>
            <numerusform>list of events (%n events expected)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>list of events (at event %1 of %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+2"/>
        <location line="+3"/>
        <source>model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-4"/>
        <source>“%1” is damaged: its model is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+5"/>
        <location line="+7"/>
        <source>growth history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-10"/>
        <source>“%1” is damaged: its growth history is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>“%1” is damaged: point %2 of %3 of its growth history is invalid: %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+4"/>
        <location line="+3"/>
        <source>window layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-5"/>
        <source>“%1” is damaged: its window layout is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>end-of-file marker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” is damaged: its end-of-file marker is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>“%1” is damaged: %n unexpected byte(s) follow its end-of-file marker.</source>
        <translation>
            <numerusform>“%1” is damaged: %n unexpected byte follows its end-of-file marker.</numerusform>
            <numerusform>“%1” is damaged: %n unexpected bytes follow its end-of-file marker.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot read “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” is damaged: its checksum does not match its content (stored %2, computed %3). The file was altered or only partly written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+30"/>
        <source>“%1” has an invalid header: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-27"/>
        <source>the session identifier is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the number of the next event is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the list of classes is missing or too long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>class %1 has no name or an invalid colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the number of events is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>“%1” is inconsistent: its header announces %n event(s), but the file holds %2.</source>
        <translation>
            <numerusform>“%1” is inconsistent: its header announces %n event, but the file holds %2.</numerusform>
            <numerusform>“%1” is inconsistent: its header announces %n events, but the file holds %2.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>its tag %1 does not name an existing class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it is marked as learned but has no class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the header and the model disagree on the model&apos;s size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the model is unreadable (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the model&apos;s checksum differs from the one recorded in the header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-29"/>
        <source>its id %1 is out of order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+62"/>
        <location line="+26"/>
        <source>Cannot write “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot open “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dlm::app::RecoveryManager</name>
    <message>
        <location filename="../app/persistence/recovery_manager.cpp" line="+98"/>
        <location line="+97"/>
        <source>Autosave failed: %1. Save the project to keep your work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Autosave could not write a snapshot: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+104"/>
        <source>“%1” belongs to another session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The autosave cannot be recovered: its base file is unusable. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The autosave cannot be recovered: edit %1 is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The autosave cannot be recovered: edits %1 to %2 are missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The last autosaved edit was incomplete (the studio stopped while writing it) and was left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n autosaved edit(s) did not fit the session and were skipped.</source>
        <translation>
            <numerusform>%n autosaved edit did not fit the session and was skipped.</numerusform>
            <numerusform>%n autosaved edits did not fit the session and were skipped.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>There is no autosave to recover.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dlm::app::Session</name>
    <message>
        <location filename="../app/session/session.cpp" line="+36"/>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+156"/>
        <source>A class needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” is too long: class names are limited to %2 bytes, as stored in a model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A class called “%1” already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Class %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Rename class %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Change the colour of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/session/session_commands.cpp" line="+12"/>
        <source>Untag %n event(s)</source>
        <translation>
            <numerusform>Untag %n event</numerusform>
            <numerusform>Untag %n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Tag %n event(s) as %1</source>
        <translation>
            <numerusform>Tag %n event as %1</numerusform>
            <numerusform>Tag %n events as %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Discard %n event(s)</source>
        <translation>
            <numerusform>Discard %n event</numerusform>
            <numerusform>Discard %n events</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Create class %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dlm::app::StudioController</name>
    <message>
        <location filename="../app/controller/studio_controller.cpp" line="+90"/>
        <source>Built-in virtual board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Virtual board started on %1; connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/controller/studio_controller_board.cpp" line="+87"/>
        <source>Board disconnected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Model pushed and verified on the board.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model push failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Connected to %1 (firmware %2, core %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+47"/>
        <source>The board runs another model and keeps its own rejection threshold (%1% of knowns); move the slider to set it.</source>
        <extracomment>%1: a percentage in the locale&apos;s format, e.g. &quot;5.0&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+40"/>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Switched to the virtual board.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Starting the built-in virtual board…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Switched to the board on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Connecting to %1 at %2 baud…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+4"/>
        <location filename="../app/controller/studio_controller_text.cpp" line="+267"/>
        <source>Disconnected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <location filename="../app/controller/studio_controller_fleet_push.cpp" line="+79"/>
        <source>There is no model to push yet: tag a few events first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+27"/>
        <source>No board is connected: connect one or start the virtual board.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-20"/>
        <source>The model is %1 bytes but this board stores at most %2 bytes: tag fewer events or lower the neuron limit. The board keeps its model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pushing the model (%1 bytes)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Pulling the board&apos;s model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/controller/studio_controller_files.cpp" line="+21"/>
        <location line="+65"/>
        <source>Autosave is off: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-44"/>
        <source>New project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Opened %1: %2, %3.</source>
        <extracomment>%1: file name; %2: &quot;%n event(s)&quot;; %3: &quot;%n class(es)&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n class(es)</source>
        <translation>
            <numerusform>%n class</numerusform>
            <numerusform>%n classes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>The model saved in “%1” could not be used: %2. It is being rebuilt from the %n tagged event(s); no event or tag was lost.</source>
        <extracomment>%1: file name; %2: why its model was not used; %n: events the model is rebuilt from.</extracomment>
        <translation>
            <numerusform>The model saved in “%1” could not be used: %2. It is being rebuilt from the %n tagged event; no event or tag was lost.</numerusform>
            <numerusform>The model saved in “%1” could not be used: %2. It is being rebuilt from the %n tagged events; no event or tag was lost.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>“%1” holds no saved model: it is being rebuilt from the %n tagged event(s).</source>
        <translation>
            <numerusform>“%1” holds no saved model: it is being rebuilt from the %n tagged event.</numerusform>
            <numerusform>“%1” holds no saved model: it is being rebuilt from the %n tagged events.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>Recovered %n event(s) from the last session.</source>
        <translation>
            <numerusform>Recovered %n event from the last session.</numerusform>
            <numerusform>Recovered %n events from the last session.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>Imported %n event(s) from %1.</source>
        <translation>
            <numerusform>Imported %n event from %1.</numerusform>
            <numerusform>Imported %n events from %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Exported %n tagged event(s) to %1.</source>
        <translation>
            <numerusform>Exported %n tagged event to %1.</numerusform>
            <numerusform>Exported %n tagged events to %1.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-34"/>
        <source>Saved %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+42"/>
        <source>There is no model yet: tag a few events first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exported the model to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/controller/studio_controller_sync.cpp" line="+35"/>
        <source>class %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The board&apos;s model still holds event #%1 as “%2”: a board cannot unlearn. Push the studio&apos;s model to bring the board in step.</source>
        <extracomment>%1: an event number; %2: a class name.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/controller/studio_controller_gestures.cpp" line="+20"/>
        <source>Demo on: the virtual board also performs gestures of its own; their events have no suggested tag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Demo off: the virtual board performs only the gestures you ask for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/controller/studio_controller_ports.cpp" line="+59"/>
        <source>Firmware flashed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Flashing failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Reconnected to the board on %1 by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The last board used is plugged in on %1: connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+40"/>
        <source>The board is back on %1: reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The board on %1 was unplugged: it will be reconnected when it is plugged in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The board on %1 was unplugged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Closing the link to the board for flashing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Flashed; reconnecting to the board on %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reconnecting to the board on %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/controller/studio_controller_text.cpp" line="-161"/>
        <source>This board prints numbers and runs no Deeplomath firmware: export the model instead (File → Export…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+37"/>
        <source>No Deeplomath board answered on %1: looking for lines of numbers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No Deeplomath board answered on %1, and it prints no lines of numbers either (%2 unreadable lines): still waiting for the handshake. Check the baud rate and that the board runs.</source>
        <extracomment>%1: a serial port; %2: a count of lines that were not numbers.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Waiting for a Deeplomath board to answer on %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+7"/>
        <source>Switched to a text-stream board.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reading %1 as a board that prints numbers: learning the format of its lines…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Reading %1 again with the new channels and rate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 prints lines of numbers but runs no Deeplomath firmware: use it as a text-stream board?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The text board on %1 is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+41"/>
        <source>Text-stream board on %1: %n channel(s) at %2 Hz. The studio detects and learns its events; export the model when done.</source>
        <extracomment>%1: a serial port; %2: a sample rate in Hz.</extracomment>
        <translation>
            <numerusform>Text-stream board on %1: %n channel at %2 Hz. The studio detects and learns its events; export the model when done.</numerusform>
            <numerusform>Text-stream board on %1: %n channels at %2 Hz. The studio detects and learns its events; export the model when done.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Text board disconnected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Text stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/controller/studio_controller_fleet.cpp" line="+38"/>
        <source>%1 (gateway %2, site %3)</source>
        <extracomment>%1 board id, %2 gateway id, %3 site id (of a fleet behind a broker).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>A board of the fleet cannot be pulled through the broker: the Fleet view shows the model it runs. Push the studio&apos;s model to it instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+52"/>
        <source>%n event(s) of the board never arrived through the broker.</source>
        <translation>
            <numerusform>%n event of the board never arrived through the broker.</numerusform>
            <numerusform>%n events of the board never arrived through the broker.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Disconnected from the broker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Switched to another board of the fleet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Switched to a board of the fleet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Opening board %1 through the broker…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <source>the broker is not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its gateway says it is offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Board %1 is offline: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Board %1 did not carry out “%2”: %3</source>
        <extracomment>%1: a board of the fleet; %2: a command&apos;s name (label, setRejection...); %3: why.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/controller/studio_controller_fleet_push.cpp" line="+15"/>
        <source>The model is %1 bytes, more than %2 can store: they are left out and keep their model.</source>
        <extracomment>%1: a size in bytes; %2: a list of board ids.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No selected board can take this model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Pushing the model (%1 bytes) to %n board(s) through their gateways…</source>
        <translation>
            <numerusform>Pushing the model (%1 bytes) to %n board through its gateway…</numerusform>
            <numerusform>Pushing the model (%1 bytes) to %n boards through their gateways…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Its gateway saw it report model %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>The model is verified and active on %1 of %n board(s).</source>
        <extracomment>%1: how many boards verified the model, out of %n.</extracomment>
        <translation>
            <numerusform>The model is verified and active on %1 of %n board.</numerusform>
            <numerusform>The model is verified and active on %1 of %n boards.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n board(s) did not take it and keep their previous model (see the Push column).</source>
        <translation>
            <numerusform>%n board did not take it and keeps its previous model (see the Push column).</numerusform>
            <numerusform>%n boards did not take it and keep their previous model (see the Push column).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dlm::app::StudioEvents</name>
    <message numerus="yes">
        <location filename="../app/controller/studio_events.cpp" line="+94"/>
        <source>Confirm the suggested tag of %n event(s)</source>
        <translation>
            <numerusform>Confirm the suggested tag of %n event</numerusform>
            <numerusform>Confirm the suggested tag of %n events</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dlm::app::VirtualBoardProcess</name>
    <message>
        <location filename="../app/controller/virtual_board_process.cpp" line="+34"/>
        <source>The virtual board (dlm-board) was not found next to the studio or on the PATH. Reinstall Deeplomath Studio, or connect a board from Board &gt; Connect to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The virtual board could not be started (%1). Start it again from Board &gt; Use the virtual board, or connect a board from Board &gt; Connect to.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dlm::app::codec</name>
    <message>
        <location filename="../app/persistence/event_codec.cpp" line="+129"/>
        <source>its signal or descriptor is longer than the studio accepts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>its origin (%1) is unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>its raw signal holds %n value(s) instead of %1 frames × %2 channels</source>
        <translation>
            <numerusform>its raw signal holds %n value instead of %1 frames × %2 channels</numerusform>
            <numerusform>its raw signal holds %n values instead of %1 frames × %2 channels</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>its descriptor holds a value that is not a finite number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+49"/>
        <source>it has more layers than a network can have</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>it holds a time or a rate that is not a valid number</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dlm::link::AckCode</name>
    <message>
        <location filename="../devices/link/message_convert.cpp" line="+108"/>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the board does not know this command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>an argument is out of range for this board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the board is busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the transfer is out of step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the CRC-32 check failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the data is too large for this board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>this board does not support this command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-3"/>
        <source>the board no longer holds this event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the board failed internally</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown reply</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dlm::link::BoardLink</name>
    <message>
        <location filename="../devices/link/board_link.cpp" line="+134"/>
        <source>The board is not connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The trigger settings are out of range: the threshold must be zero or more, and the minimum length at least 1 frame and at most the maximum length.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The rejection threshold must be a share between 0 (reject nothing) and 1 (reject everything).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Class %1 does not exist on the board.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Gesture %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The samples to inject must be whole frames of 1 to %1 channels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The board is not connected; connect it and push again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The board is not connected; connect it and pull again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-60"/>
        <source>The rate of spontaneous gestures must be between 0 and %1 a minute.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dlm::link::LinkWorker</name>
    <message>
        <location filename="../devices/link/link_worker.cpp" line="+63"/>
        <source>Switching to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Opening %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Disconnected from %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1 Trying again in %2 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Waiting for the board on %1 to answer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+30"/>
        <source>No answer from a board on %1. Trying again in %2 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Connected to %1 on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The link to the board was lost before the command was acknowledged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The command was cancelled: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The model push was stopped: %1 The board keeps its previous model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The model pull was stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+54"/>
        <source>The port %1 closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+130"/>
        <source>Update the board&apos;s firmware or Deeplomath Studio so that both support the same protocol version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The board on %1 uses protocol version %2, but this studio uses protocol version %3, so they cannot communicate. %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The board on %1 uses a protocol version this studio does not recognise (this studio uses protocol version %2), so they cannot communicate. %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Update the board&apos;s firmware.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Update Deeplomath Studio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../devices/link/link_worker_commands.cpp" line="+19"/>
        <source>No data from the board for %1 s: the link is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+47"/>
        <source>The board is restarting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The board refused the command: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The board did not acknowledge the command after %1 tries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The next step of the model push could not be sent to the board.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The next step of the model pull could not be sent to the board; pull the model again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+77"/>
        <source>The board is not connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The command could not be sent: too many commands are waiting for the board.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+19"/>
        <source>A model transfer is already in progress; wait for it to end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-17"/>
        <source>The model is empty; there is nothing to push.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The board is not connected; connect it and push again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The board is not connected; connect it and pull again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dlm::link::MockTransport</name>
    <message>
        <location filename="../devices/link/mock_transport.cpp" line="+114"/>
        <source>Cannot open %1: no such device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The port %1 is gone: the device was removed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dlm::link::PortDiscovery</name>
    <message>
        <location filename="../devices/link/port_discovery.cpp" line="+95"/>
        <source>Pseudo-terminal (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pseudo-terminal</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dlm::link::PullTask</name>
    <message>
        <location filename="../devices/link/transfer_tasks.cpp" line="+146"/>
        <source>The board is busy with a model transfer; try the pull again once it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This board cannot send its model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The board refused to send its model (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The board has no model to send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The board&apos;s model (%1 bytes) is larger than the studio accepts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The board stopped sending its model (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The model received from the board is damaged (CRC-32 %1 announced, %2 computed); nothing was loaded. Pull it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pulled the board&apos;s model (%1 bytes, identity %2); its CRC-32 checks out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The board&apos;s model kept changing during the pull; pull it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The board announced a model of %1 bytes, which the studio cannot accept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The board stopped answering during the model pull.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dlm::link::PushTask</name>
    <message>
        <location line="-151"/>
        <source>The model is %1 bytes but the board can hold at most %2 bytes; the board keeps its previous model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The board is busy with another model transfer; try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The board refused the model push (%1); the board keeps its previous model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The board asked for byte %1 of a %2-byte model; the push was stopped and the board keeps its previous model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+39"/>
        <source>The board verified the model (%1 bytes, identity %2) and activated it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-33"/>
        <source>The board&apos;s CRC-32 check of the received model failed, so the model was not activated: the board keeps its previous model. Push it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The board received the model intact but could not load it; it keeps its previous model. Check that the model suits this board&apos;s capacity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The board refused to activate the model (%1); it keeps its previous model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The board stopped answering during the model push; it keeps its previous model.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dlm::link::SerialTransport</name>
    <message>
        <location filename="../devices/link/serial_transport.cpp" line="+28"/>
        <source>Cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Serial port error on %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The port %1 is gone: the board was unplugged or closed it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dlm::textstream::TextBoardWorker</name>
    <message>
        <location filename="../devices/textstream/text_board_worker.cpp" line="+57"/>
        <source>Opening %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disconnected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Reading %1: learning the format of its lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reading %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The port %1 closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Text board</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Text board on %1: %n channel(s) at %2 Hz</source>
        <translation>
            <numerusform>Text board on %1: %n channel at %2 Hz</numerusform>
            <numerusform>Text board on %1: %n channels at %2 Hz</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dlm::ui::BoardPanel</name>
    <message>
        <location filename="../ui/board/board_panel.cpp" line="+30"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 MB/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 KB/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 B/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&lt;p style=&apos;font-size:13pt&apos;&gt;No board connected.&lt;/p&gt;&lt;p&gt;Plug a board in and pick its port, or start the virtual board to try the studio without hardware.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Firmware:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Core:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Capacity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sample rate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channels:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>CRC-32 of the studio&apos;s current model: the model&apos;s identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CRC-32 of the model the board runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Studio model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Board model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Push model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+259"/>
        <source>Send the studio&apos;s model to the board; the board checks it before running it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-257"/>
        <source>Pull model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+253"/>
        <source>Fetch the board&apos;s model into the studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-230"/>
        <source>Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Statistic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+196"/>
        <source>Frames received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-196"/>
        <source>CRC errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lost sample frames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Command latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reconnects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bytes per second from the board (last second)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes per second to the board (last second)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frames decoded without error since connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frames rejected for a bad checksum: noise on the line or a loose cable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sample frames missing from the stream (the link dropped them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean time for the board to acknowledge a command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Times the link was lost and re-established</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>(unnamed board)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+50"/>
        <source>This board prints numbers and runs no model: the studio detects, learns and predicts its events. Export the studio&apos;s model (File → Export model…) to use it elsewhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>✔ Models match: the board runs the studio&apos;s model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>≠ Models differ: push to update the board, or pull to use the board&apos;s model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Model state unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Sent %1 KB — the board is verifying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sending model… %1% (%2 of %3 KB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Model pushed and verified: the board now runs it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Push failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the board did not confirm the model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The board keeps its previous model; push again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1% of knowns</source>
        <extracomment>%1: a percentage in the locale&apos;s format, e.g. &quot;5.0&quot;: the share of known events rejected.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>not measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Sample lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>This board prints numbers and runs no model: export the studio&apos;s model instead (File → Export model…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A board of the fleet cannot be pulled through the broker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The studio has no model yet: tag and learn events first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-183"/>
        <source>%1 Hz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-92"/>
        <source>The share of known events the board rejects as unknown, as it last reported. The studio&apos;s Strictness (Known set panel) sets it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Strictness:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+146"/>
        <source>Neither side has a model yet: tag a few events to teach the studio, then push its model to the board.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The board has no model yet: push the studio&apos;s model to it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dlm::ui::BrokerDialog</name>
    <message>
        <location filename="../ui/fleet/broker_dialog.cpp" line="+26"/>
        <source>Connect to a broker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The MQTT broker your gateways (dlm-gateway) publish to. The studio lists their boards, follows one, and pushes models through it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>TLS (encrypted, the broker&apos;s certificate checked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The certificate of the authority that signed the broker&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>only if the broker asks for one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>with the client certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificates (*.crt *.pem);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CA certificate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CA certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client certificate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Client certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys (*.key *.pem);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Log in (leave empty for an anonymous broker)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Remember the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kept as is, unencrypted, in the studio&apos;s settings file. Left unchecked, the studio asks for it again next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Give the broker&apos;s host name or address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TLS needs the CA certificate that signed the broker&apos;s certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot read %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A client certificate goes with its key: give both, or neither.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dlm::ui::ClassPalette</name>
    <message>
        <location filename="../ui/common/class_colours.cpp" line="+6"/>
        <source>outlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>untagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>class %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dlm::ui::EmbeddingPlot</name>
    <message>
        <location filename="../ui/knownset/embedding_plot.cpp" line="+112"/>
        <source>No events yet: perform a gesture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing learned yet: tag events (keys 1-9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Event %1 · %2 · not judged yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>accepted as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rejected as unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event %1 · %2 · more typical than %3% of known events · %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dlm::ui::EventsPanel</name>
    <message>
        <location filename="../ui/events/events_panel.cpp" line="+42"/>
        <source>&lt;b&gt;Classes&lt;/b&gt; — keys 1–9 tag, U unknown, Del discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+98"/>
        <source>New class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Double-click to rename; right-click to change the colour.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rename class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+28"/>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Colour of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+45"/>
        <location line="+35"/>
        <source>Select an event to see its signal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-32"/>
        <source>time in the event (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Event #%1: no raw signal kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Event #%1 — %2 ms, tag: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>untagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-172"/>
        <source>1–9: tag with a class · U: unknown/outlier · Enter: confirm the suggested tag (shown in italics) · Del: discard · Ctrl+Z / Ctrl+Shift+Z: undo / redo</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dlm::ui::ExplanationView</name>
    <message>
        <location filename="../ui/knownset/explanation_view.cpp" line="+49"/>
        <source>Click an event (in the map or the events list) to see why it was accepted or rejected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Technical details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Neuron</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>q</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Activation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Metric distance to the neuron&apos;s centre: 1 or less is inside its ball</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The neuron&apos;s response to this event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Not judged yet: nothing learned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected as unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No tagged event to compare it with yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (event %2, distance %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nearest known examples: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>It is more typical than %1 of known events.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The strictness (%1) rejects only events less typical than that, so it is accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The strictness is 100%: every event is rejected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The strictness (%1) rejects events less typical than that, so it is rejected; it would be accepted at a strictness of %2 or less.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Event %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>It resembles %1 most.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Known-set level %1 · strictness %2 · margin %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Class scores: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nearest neurons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Inside this neuron&apos;s ball</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dlm::ui::FlashDialog</name>
    <message>
        <location filename="../ui/board/flash_dialog.cpp" line="+34"/>
        <source>Flash firmware</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Writes the Deeplomath firmware into the board through its debug probe, checks it and restarts the board. The studio lets go of the board while the probe works, and reconnects after.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Flash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel flashing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>openocd (Debian&apos;s openocd) writes the ELF image and verifies it; st-flash (Debian&apos;s stlink-tools) writes the raw .bin image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Board:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Probe tool:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No image found: choose one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Image:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>What the tool printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1 — not installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The image you chose is written as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Found by itself; choose another image to write that one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose the firmware image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Firmware images (*.elf *.bin);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stopped.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dlm::ui::FleetPanel</name>
    <message>
        <location filename="../ui/fleet/fleet_panel.cpp" line="+142"/>
        <location line="+143"/>
        <source>Connect to a broker…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-140"/>
        <source>Disconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Filter: site, gateway, board, state…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Online only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Open board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Make the selected board the studio&apos;s board: watch its signal and tag its events as if it were plugged in here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+150"/>
        <source>Send the studio&apos;s model to the selected boards through their gateways; each activates it only once it has verified it, and keeps its own model otherwise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-85"/>
        <source>Not connected to a broker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Broker %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Broker %1: not connected, retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Change broker…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n malformed message(s) ignored</source>
        <extracomment>Payloads from the broker that were not valid (counted and ignored).</extracomment>
        <translation>
            <numerusform>%n malformed message ignored</numerusform>
            <numerusform>%n malformed messages ignored</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Push of %1: %2 verified, %3 failed, %4 in progress</source>
        <extracomment>%1: a model&apos;s identity; %2, %3, %4: counts of boards.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+32"/>
        <source>Push model to %n board(s)</source>
        <translation>
            <numerusform>Push model to %n board</numerusform>
            <numerusform>Push model to %n boards</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Push model to the selected boards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The studio has no model yet: tag a few events first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+29"/>
        <source>%1 of %n board(s) online</source>
        <extracomment>%1: boards online, out of %n boards.</extracomment>
        <translation>
            <numerusform>%1 of %n board online</numerusform>
            <numerusform>%1 of %n boards online</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connect to the MQTT broker your gateways publish to: the boards they serve appear here, with their state and model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No board yet: start a gateway (dlm-gateway) that publishes to this broker.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dlm::ui::GestureToolbar</name>
    <message>
        <location filename="../ui/board/gesture_toolbar.cpp" line="+98"/>
        <source>Gestures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>  Virtual board:  </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>  Never seen:  </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gestures no class describes: a good network rejects them as unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Make the virtual board perform a %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make the virtual board perform a %1 — a gesture it was never taught; it should be rejected as unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Gestures on request need the virtual board; a real board is moved by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-20"/>
        <source>&amp;Demo: spontaneous gestures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Let the virtual board also perform gestures of its own, about one every 5 s, as a demo. Off, every event comes from a gesture you ask for and carries it as a suggested tag.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dlm::ui::GrowthPanel</name>
    <message>
        <location filename="../ui/growth/growth_panel.cpp" line="+74"/>
        <source>Full rebuild</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Where the network stands after the last learned event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log time axis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show learning time on a logarithmic axis: full rebuilds take far longer than one incremental learn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;p style=&apos;font-size:13pt&apos;&gt;No learning yet.&lt;/p&gt;&lt;p&gt;Tag events with keys 1–9 to teach the network.&lt;br&gt;Its size, depth, learning time, accuracy and rejection rate are charted here as it learns.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Prequential accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Accuracy (0–1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rejection rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rejected (0–1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Predict-then-learn accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Events rejected as unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Events learned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Network size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Neurons per layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Depth (layers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Depth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Learning time per event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time (µs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Time (µs, log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Learn (incremental)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Layer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Waiting for the first learned event</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>&lt;b&gt;%Ln&lt;/b&gt; event(s) learned</source>
        <translation>
            <numerusform>&lt;b&gt;%Ln&lt;/b&gt; event learned</numerusform>
            <numerusform>&lt;b&gt;%Ln&lt;/b&gt; events learned</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>&lt;b&gt;%Ln&lt;/b&gt; neuron(s)</source>
        <translation>
            <numerusform>&lt;b&gt;%Ln&lt;/b&gt; neuron</numerusform>
            <numerusform>&lt;b&gt;%Ln&lt;/b&gt; neurons</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln full rebuild(s)</source>
        <translation>
            <numerusform>%Ln full rebuild</numerusform>
            <numerusform>%Ln full rebuilds</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 · depth &lt;b&gt;%2&lt;/b&gt; · %3 · accuracy &lt;b&gt;%4%&lt;/b&gt; · rejected &lt;b&gt;%5%&lt;/b&gt; · %6</source>
        <extracomment>%1: &quot;%Ln event(s) learned&quot;; %3: &quot;%Ln neuron(s)&quot;; %6: &quot;%Ln full rebuild(s)&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dlm::ui::KnownSetPanel</name>
    <message>
        <location filename="../ui/knownset/known_set_panel.cpp" line="+63"/>
        <source>Strictness:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The share of known events to reject, measured on events the model did not learn from. 0% rejects nothing, 100% rejects everything: more rejects more. The board gets the same value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Events rejected as unknown at this strictness, by the model&apos;s own rule on each event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Map: PCA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Map: two features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where events are placed: the first two principal components of the tagged events, or two chosen descriptor features. Placement only: each point&apos;s colour and mark are its own decision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Descriptor feature on the horizontal axis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Descriptor feature on the vertical axis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit the map to the events (wheel zooms, drag pans)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+99"/>
        <source>Nothing learned yet: every event is unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 of %2 tagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of %2 untagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of %2 marked unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected now: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>rejected (hollow, crossed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-34"/>
        <source>No events yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dlm::ui::LiveSignalPanel</name>
    <message>
        <location filename="../ui/live/live_signal_panel.cpp" line="+52"/>
        <source>x</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ch 4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ch 5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ch 6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+46"/>
        <location line="+292"/>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-290"/>
        <source>Freeze the view to inspect it; samples keep being recorded (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Window:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Length of the rolling time window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Autoscale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fit the value axis to the visible samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Trigger:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source> counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Event trigger: RMS energy of the high-passed motion, in counts. You can also drag the dashed line in the plot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The view is frozen; incoming samples are still kept. Resume to follow the stream again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Samples per second arriving from the board, and sample frames lost on the link since it connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Time (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acceleration (counts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Waiting for samples…
Connect a board, or start the virtual board to see its signals here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>ch %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+104"/>
        <source>Trigger %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%L1 samples/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%L1 lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+137"/>
        <source>Paused, still recording (%1 s behind) · drag to pan, wheel to zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%L1 frame(s) received</source>
        <translation>
            <numerusform>%L1 frame received</numerusform>
            <numerusform>%L1 frames received</numerusform>
        </translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Drag to change the trigger threshold</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dlm::ui::MainWindow</name>
    <message>
        <location filename="../ui/main_window/main_window.cpp" line="+76"/>
        <location filename="../ui/main_window/main_window_text.cpp" line="+77"/>
        <source>acceleration (counts, 4096 = 1 g)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Known set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network growth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fleet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../ui/main_window/main_window_wiring.cpp" line="+110"/>
        <source>No model yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1%2 — Deeplomath Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+46"/>
        <source>The window layout saved in the project could not be applied; the current layout is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The studio did not close cleanly last time. Recover the events and tags it had?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A session from %1 was not saved: %2, %3. Recover it?</source>
        <extracomment>%1: date and time of the last autosave; %2: &quot;%Ln event(s)&quot;; %3: &quot;%Ln tagged&quot; (events tagged with a class or as unknown). &quot;A session from 5 Dec 2026 09:14 was not saved: 42 events, 15 tagged. Recover it?&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln event(s)</source>
        <translation>
            <numerusform>%Ln event</numerusform>
            <numerusform>%Ln events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%Ln tagged</source>
        <translation>
            <numerusform>%Ln tagged</numerusform>
            <numerusform>%Ln tagged</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Recover the last session?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Recovery failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window_actions.cpp" line="+6"/>
        <source>&amp;New project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save project &amp;as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import recording (CSV, WAV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export &amp;dataset (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export &amp;model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Use the &amp;virtual board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Disconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Push model to the board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;ull model from the board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Flash firmware…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Rebuild the network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+R</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Pause the live signal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About Deeplomath Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../ui/main_window/main_window_layout.cpp" line="+58"/>
        <source>&amp;Board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Connect to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new language applies the next time the studio starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No serial port found — plug a board in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (last used)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The session has changes that are not saved in a project. Save them first?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Open project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot open the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1

Nothing was changed in the current session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+10"/>
        <source>Cannot save the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Save project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Import a recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Recordings (*.csv *.wav);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot import the recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export the dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot export the dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../ui/main_window/main_window_wiring.cpp" line="+47"/>
        <source>Deeplomath models (*.dlm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot export the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>About Deeplomath Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Deeplomath Studio %1&lt;/h3&gt;&lt;p&gt;A deep-learning kernel that learns without backpropagation, one event at a time, builds its own depth and neuron density, and rejects what lies outside its known set.&lt;/p&gt;&lt;p&gt;Kernel %2.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/main_window/main_window_wiring.cpp" line="-107"/>
        <source>%1 neurons × %2 dimensions, %n class(es)</source>
        <translation>
            <numerusform>%1 neurons × %2 dimensions, %n class</numerusform>
            <numerusform>%1 neurons × %2 dimensions, %n classes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>; models up to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Board: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No board (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Model pull failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+29"/>
        <source>Model: depth %1, neurons %2, %n event(s) learned</source>
        <translation>
            <numerusform>Model: depth %1, neurons %2, %n event learned</numerusform>
            <numerusform>Model: depth %1, neurons %2, %n events learned</numerusform>
        </translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Pulled the board&apos;s model (%1 bytes, CRC verified).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the board&apos;s model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot save the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window_layout.cpp" line="-5"/>
        <source>&amp;Layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Capture &amp;&amp; tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Inspect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Fleet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Reset layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put every panel back where the studio first placed it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window_text.cpp" line="-45"/>
        <source>printed values (counts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>printed values × %1 (counts)</source>
        <extracomment>%1: the factor from printed values to counts, e.g. &quot;1000&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+52"/>
        <source>No Deeplomath board answered on %1, but it prints lines of numbers: %n channel(s) at %2 Hz (%3).</source>
        <extracomment>%1: a serial port; %2: a sample rate in Hz; %3: the channels&apos; names.</extracomment>
        <translation>
            <numerusform>No Deeplomath board answered on %1, but it prints lines of numbers: %n channel at %2 Hz (%3).</numerusform>
            <numerusform>No Deeplomath board answered on %1, but it prints lines of numbers: %n channels at %2 Hz (%3).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A board that prints numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>As a text-stream board, the studio finds its events itself, learns and predicts them; you export the model instead of pushing it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Use as a text-stream board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep waiting for a Deeplomath board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Channels and rate of the text stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The studio infers both from the lines the board prints. Set them yourself when it gets them wrong; 0 lets it infer again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>inferred (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source> Hz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>inferred (%1 Hz)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Channels:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sample rate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window/main_window_fleet.cpp" line="+20"/>
        <source>F&amp;leet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Connect to a broker…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Disconnect from the broker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Open the selected board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Push the model to the selected boards…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show the &amp;fleet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Board: %1 (fleet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Cannot connect to the broker</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>Push the studio&apos;s model %1 to %n board(s)? Each board activates it only once it has received and verified it; a board that refuses it keeps its own model.</source>
        <extracomment>%1: the model&apos;s identity (CRC-32); %n: how many boards.</extracomment>
        <translation>
            <numerusform>Push the studio&apos;s model %1 to %n board? It activates it only once it has received and verified it; if it refuses it, it keeps its own model.</numerusform>
            <numerusform>Push the studio&apos;s model %1 to %n boards? Each board activates it only once it has received and verified it; a board that refuses it keeps its own model.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Push to the fleet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dlm::ui::NetworkCanvas</name>
    <message numerus="yes">
        <location filename="../ui/network/network_canvas.cpp" line="+59"/>
        <source>Layer %1 — %Ln neuron(s)</source>
        <translation>
            <numerusform>Layer %1 — %Ln neuron</numerusform>
            <numerusform>Layer %1 — %Ln neurons</numerusform>
        </translation>
    </message>
    <message>
        <location line="+43"/>
        <source>No network yet.
Tag events with keys 1–9 to teach the network:
its layers and neurons appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>descriptor input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>stacked on layer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+74"/>
        <source>&lt;b&gt;Layer %1, neuron %2&lt;/b&gt;&lt;br&gt;Class: %3&lt;br&gt;Learned from %Ln event(s)&lt;br&gt;&lt;i&gt;Click for details&lt;/i&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;Layer %1, neuron %2&lt;/b&gt;&lt;br&gt;Class: %3&lt;br&gt;Learned from %Ln event&lt;br&gt;&lt;i&gt;Click for details&lt;/i&gt;</numerusform>
            <numerusform>&lt;b&gt;Layer %1, neuron %2&lt;/b&gt;&lt;br&gt;Class: %3&lt;br&gt;Learned from %Ln events&lt;br&gt;&lt;i&gt;Click for details&lt;/i&gt;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dlm::ui::NetworkPanel</name>
    <message numerus="yes">
        <location filename="../ui/network/network_panel.cpp" line="+94"/>
        <source>&lt;b&gt;%Ln&lt;/b&gt; layer(s)</source>
        <translation>
            <numerusform>&lt;b&gt;%Ln&lt;/b&gt; layer</numerusform>
            <numerusform>&lt;b&gt;%Ln&lt;/b&gt; layers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>&lt;b&gt;%Ln&lt;/b&gt; neuron(s)</source>
        <translation>
            <numerusform>&lt;b&gt;%Ln&lt;/b&gt; neuron</numerusform>
            <numerusform>&lt;b&gt;%Ln&lt;/b&gt; neurons</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>&lt;b&gt;%Ln&lt;/b&gt; event(s) learned</source>
        <translation>
            <numerusform>&lt;b&gt;%Ln&lt;/b&gt; event learned</numerusform>
            <numerusform>&lt;b&gt;%Ln&lt;/b&gt; events learned</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 · %2 · %3 · model &lt;code&gt;%4&lt;/code&gt; (%5 KB) · threshold %6&lt;br&gt;%7</source>
        <extracomment>%1: &quot;%Ln layer(s)&quot;; %2: &quot;%Ln neuron(s)&quot;; %3: &quot;%Ln event(s) learned&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Colour = class, area = events learned from.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dlm::ui::NeuronDetails</name>
    <message>
        <location filename="../ui/network/neuron_details.cpp" line="+64"/>
        <source>Class:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Centre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Where the neuron sits in its layer&apos;s input space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The whole centre vector: component index across, value up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Metric radii</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Extent of the neuron&apos;s ball along each direction (1/√m)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Radius per direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Layer %1 · neuron %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%Ln event(s)</source>
        <translation>
            <numerusform>%Ln event</numerusform>
            <numerusform>%Ln events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n value(s): %1%2</source>
        <translation>
            <numerusform>%n value: %1%2</numerusform>
            <numerusform>%n values: %1%2</numerusform>
        </translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+7"/>
        <source>not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>min %1 · median %2 · max %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Event %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-104"/>
        <source>Click a neuron to see its class, how many events it learned from, its centre, metric radii and the events inside its ball.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Tagged events of its class this neuron was built or widened from while learning (its support)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Learned from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Events inside its ball</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every event of the session inside this neuron&apos;s ball now, tagged or not, learned or not — double-click one to open it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Events inside its ball: listed for first-layer neurons only</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%Ln event(s) inside its ball now</source>
        <extracomment>%Ln: how many events of the session lie inside the neuron&apos;s ball now.</extracomment>
        <translation>
            <numerusform>%Ln event inside its ball now</numerusform>
            <numerusform>%Ln events inside its ball now</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dlm::ui::ScoreHistogram</name>
    <message>
        <location filename="../ui/knownset/score_histogram.cpp" line="+47"/>
        <source>How typical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How typical each event is: the share of known events that are less typical than it. The red line is the strictness: events left of it are rejected. Drag it to change the strictness.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+73"/>
        <source>No events yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing learned yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>rejected %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accepted %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dlm::ui::TextStreamBox</name>
    <message>
        <location filename="../ui/board/text_stream_box.cpp" line="+18"/>
        <source>line arrival times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its timestamps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>set by you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not known yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Text stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Names:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timestamp:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lines:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Unreadable lines (skipped):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lines that were not samples of the stream. They are skipped and counted; the stream goes on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Channels and rate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set the number of channels or the sample rate yourself instead of letting the studio infer them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Not numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong column count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too many columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NaN or infinity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Binary bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n channel(s) at %1 Hz (%2)</source>
        <extracomment>%1: a sample rate; %2: where it comes from (&quot;line arrival times&quot;, &quot;its timestamps&quot;...).</extracomment>
        <translation>
            <numerusform>%n channel at %1 Hz (%2)</numerusform>
            <numerusform>%n channels at %1 Hz (%2)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>first column, in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>× %1 to counts (automatic)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>× %1 to counts (set by you)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 samples of %2 lines</source>
        <extracomment>%1: sample lines; %2: every line read.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../ui/studio_main/main.cpp" line="+59"/>
        <source>Tag live sensor events, watch a backpropagation-free network grow, and push models to boards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Serial port of a board.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Baud rate (default 921600).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use the built-in virtual board (the default without --port).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open a project file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Interface language: fr or en.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Do not offer to recover an unsaved session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>With --port: the board prints lines of numbers (no Deeplomath firmware); the studio detects and learns its events. Default baud rate 115200.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>With --text: the number of channels (columns, a timestamp excluded) instead of inferring it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>With --text: the sample rate in Hz instead of inferring it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connect to the MQTT broker of a fleet of boards (docs/fleet.md) and show it in the Fleet view.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--text needs --port PATH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Cannot open the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>--broker takes HOST or HOST:PORT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot connect to the broker</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
