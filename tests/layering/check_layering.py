#!/usr/bin/env python3
"""The layering check: the build's direction, written down and enforced.

    ui -> app -> devices -> core

Fails (exit 1, one line per finding) when
  - a file includes a project header against the direction: ui/ includes only app/ and ui/
    (Qt and QCustomPlot being system headers), and of app/ only its door, the controller, and
    the values it hands out (app/controller/, app/views/); app/ includes app/, devices/, core/;
    devices/ includes devices/ and core/; core/ includes core/ only. The one exception is the
    studio's composition root (ui/studio_main/main.cpp), which sees every layer;
  - the portable code (core/, and the firmware, simulator and board ports that are cross-built
    for the Cortex-M4F) includes a Qt header;
  - a source file (.h, .cpp, .c) is over 600 lines;
  - a CMakeLists.txt puts the repository root on an include path (each library exposes its own
    folders only: cmake/DlmLayers.cmake).
Tests are the harness around the layers: they are checked for size, not for direction.

    check_layering.py <repository root>
    check_layering.py --self-test     plants each kind of violation in a scratch tree and
                                      checks that every one is reported
"""
import os
import re
import sys
import tempfile

MAX_LINES = 600
SOURCE_SUFFIXES = ('.h', '.hpp', '.cpp', '.c')
LAYERS = ('core', 'devices', 'app', 'ui')
ALLOWED = {
    'core': {'core'},
    'devices': {'core', 'devices'},
    'app': {'core', 'devices', 'app'},
    'ui': {'app', 'ui'},
}
# Cross-built for the Cortex-M4F: no Qt, and nothing of the studio side of the link.
# What ui/ may see of app/: the studio's one door and the plain values it hands out.
UI_SEES_OF_APP = ('app/controller/', 'app/views/')
PORTABLE = ('core/', 'devices/firmware/', 'devices/simulator/', 'devices/boards/mps2-an386/')
PORTABLE_MAY_INCLUDE = ('core/', 'devices/firmware/', 'devices/simulator/')
COMPOSITION_ROOTS = {'ui/studio_main/main.cpp'}
SKIPPED_DIRS = {'.git', 'build', 'build-asan', 'docs', 'translations', 'resources'}

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
QT_HEADER = re.compile(r'^(Q[A-Z]\w*|Qt\w*/|qcustomplot)')
ROOT_ON_PATH = re.compile(
    r'include_directories\s*\([^)]*\$\{(PROJECT_SOURCE_DIR|CMAKE_SOURCE_DIR|DLM_SOURCE_DIR)\}\s*[)\s]')


def source_files(root):
    for base, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d not in SKIPPED_DIRS and not d.startswith('build')]
        for name in files:
            path = os.path.relpath(os.path.join(base, name), root).replace(os.sep, '/')
            yield path


def check_includes(path, lines):
    layer = path.split('/', 1)[0]
    findings = []
    for number, line in enumerate(lines, 1):
        match = INCLUDE.match(line)
        if not match:
            continue
        quoted, header = match.group(1) == '"', match.group(2)
        where = f'{path}:{number}'
        if path.startswith(PORTABLE) and QT_HEADER.match(header):
            findings.append(f'{where}: portable code includes the Qt header <{header}>')
        if not quoted or '/' not in header or path in COMPOSITION_ROOTS:
            continue
        target = header.split('/', 1)[0]
        if target in LAYERS and target not in ALLOWED[layer]:
            findings.append(f'{where}: {layer}/ includes {header} (against ui -> app -> devices -> core)')
        elif layer == 'ui' and target == 'app' and not header.startswith(UI_SEES_OF_APP):
            findings.append(f'{where}: ui/ includes {header} (ui/ talks to app/controller only)')
        elif path.startswith(PORTABLE) and target in LAYERS and not header.startswith(PORTABLE_MAY_INCLUDE):
            findings.append(f'{where}: portable code includes {header}, which is not cross-built')
    return findings


def check(root):
    findings = []
    for path in source_files(root):
        full = os.path.join(root, path)
        if path.endswith(SOURCE_SUFFIXES):
            with open(full, encoding='utf-8', errors='replace') as f:
                lines = f.read().split('\n')
            if lines and lines[-1] == '':
                lines.pop()
            if len(lines) > MAX_LINES:
                findings.append(f'{path}: {len(lines)} lines (at most {MAX_LINES}: split it)')
            if path.split('/', 1)[0] in LAYERS:
                findings.extend(check_includes(path, lines))
        elif os.path.basename(path) == 'CMakeLists.txt':
            with open(full, encoding='utf-8', errors='replace') as f:
                text = f.read()
            for match in ROOT_ON_PATH.finditer(text):
                number = text.count('\n', 0, match.start()) + 1
                findings.append(f'{path}:{number}: the repository root on an include path '
                                '(use dlm_expose_headers)')
    return findings


def self_test():
    planted = {
        'core/bad_qt.cpp': '#include <QString>\n',
        'core/bad_up.cpp': '#include "devices/link/board_link.h"\n',
        'devices/link/bad_up.cpp': '#include "app/session/session.h"\n',
        'app/session/bad_up.cpp': '#include "ui/board/board_panel.h"\n',
        'ui/board/bad_down.cpp': '#include "devices/link/board_link.h"\n',
        'ui/board/bad_core.cpp': '#include "core/network.h"\n',
        'ui/events/bad_session.cpp': '#include "app/session/session.h"\n',
        'devices/firmware/bad_link.cpp': '#include "devices/link/board_link.h"\n',
        'app/session/long.cpp': '// line\n' * (MAX_LINES + 1),
        'app/CMakeLists.txt': 'target_include_directories(x PUBLIC ${PROJECT_SOURCE_DIR})\n',
    }
    allowed = {
        'ui/board/ok.cpp': '#include "app/views/snapshots.h"\n#include <QWidget>\n',
        'ui/events/ok.cpp': '#include "app/controller/studio_events.h"\n',
        'ui/studio_main/main.cpp': '#include "devices/link/board_link.h"\n',
        'app/session/ok.cpp': '#include "devices/link/board_link.h"\n#include <QObject>\n',
        'devices/link/ok.cpp': '#include "core/network.h"\n#include <QSerialPort>\n',
        'tests/ui/test_ok.cpp': '#include "devices/link/board_link.h"\n',
        'core/ok.cpp': '// line\n' * MAX_LINES,
    }
    with tempfile.TemporaryDirectory() as root:
        for path, text in {**planted, **allowed}.items():
            os.makedirs(os.path.dirname(os.path.join(root, path)), exist_ok=True)
            with open(os.path.join(root, path), 'w') as f:
                f.write(text)
        findings = check(root)
    failures = [p for p in planted if not any(f.startswith(p) for f in findings)]
    failures += [f'{p} (reported although allowed)' for p in allowed
                 if any(f.startswith(p) for f in findings)]
    for failure in failures:
        print(f'self-test: not caught: {failure}')
    print(f'self-test: {len(planted)} planted violations, {len(findings)} findings, '
          f'{len(failures)} mistakes')
    return 1 if failures else 0


def main(argv):
    if len(argv) == 2 and argv[1] == '--self-test':
        return self_test()
    if len(argv) != 2:
        print(__doc__.strip())
        return 2
    findings = check(argv[1])
    for finding in findings:
        print(finding)
    print(f'layering: {len(findings)} finding(s)')
    return 1 if findings else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
