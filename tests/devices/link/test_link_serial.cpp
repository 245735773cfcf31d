// SerialTransport on a real pseudo-terminal (what the virtual board offers), and BoardLink
// through it to a software board on the master side: handshake, samples, and the board going
// away.
#include <QtTest>

#include "devices/link/board_link.h"
#include "devices/link/serial_transport.h"
#include "tests/devices/link/mock_board.h"
#include "tests/devices/link/pty_pair.h"

using namespace dlm;
using namespace dlm::link;
using dlm::test::MockBoard;
using dlm::test::PtyPair;

class TestLinkSerial : public QObject {
  Q_OBJECT
private slots:
  void transportCarriesBytesBothWays() {
    PtyPair pty;
    QVERIFY(pty.isValid());
    QByteArray atBoard;
    pty.onRead([&](const QByteArray& b) { atBoard += b; });
    SerialTransport transport;
    QSignalSpy received(&transport, &Transport::bytesReceived);
    QVERIFY2(transport.open(pty.slavePath()), qPrintable(transport.errorString()));
    QVERIFY(transport.isOpen());
    const QByteArray binary("\x00\x01\xff\x0d\x0a\x11\x13 studio", 15);
    QCOMPARE(transport.write(binary), qint64(binary.size()));
    QTRY_COMPARE(atBoard, binary); // raw: no newline translation, no flow control bytes eaten
    pty.write(QByteArray("\x00\x0d\x0a board\x03", 10));
    QTRY_VERIFY(!received.isEmpty());
    QByteArray atStudio;
    QTRY_VERIFY((atStudio =
                     [&] {
                       QByteArray all;
                       for (const auto& args : received) all += args.at(0).toByteArray();
                       return all;
                     }())
                    .size() == 10);
    QCOMPARE(atStudio, QByteArray("\x00\x0d\x0a board\x03", 10));
    transport.close();
    QVERIFY(!transport.isOpen());
    QCOMPARE(transport.write("x"), qint64(-1));
  }

  void openingAMissingPortSaysWhy() {
    SerialTransport transport;
    QVERIFY(!transport.open(QStringLiteral("/dev/dlm-no-such-port")));
    QVERIFY(transport.errorString().contains(QStringLiteral("/dev/dlm-no-such-port")));
  }

  void theBoardGoingAwayClosesTheTransport() {
    auto pty = std::make_unique<PtyPair>();
    QVERIFY(pty->isValid());
    SerialTransport transport;
    QSignalSpy closed(&transport, &Transport::closed);
    QVERIFY(transport.open(pty->slavePath()));
    pty.reset();
    QTRY_COMPARE_WITH_TIMEOUT(closed.count(), 1, 5000);
    QVERIFY(!transport.isOpen());
  }

  void boardLinkOverAPseudoTerminal() {
    PtyPair pty;
    QVERIFY(pty.isValid());
    MockBoard board;
    pty.onRead([&](const QByteArray& b) { board.receive(b); });
    QObject::connect(&board, &MockBoard::output, &board,
                     [&](const QByteArray& b) { pty.write(b); });
    BoardLink link; // the default transport: SerialTransport
    QSignalSpy connected(&link, &BoardLink::connected);
    QSignalSpy disconnected(&link, &BoardLink::disconnected);
    QSignalSpy samples(&link, &BoardLink::samplesReceived);
    link.connectTo(pty.slavePath());
    QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, 5000);
    QCOMPARE(connected.at(0).at(0).value<BoardInfo>().portName, pty.slavePath());
    board.startStreaming(32, 32); // the firmware's default batch, at 1 kHz
    QTRY_VERIFY_WITH_TIMEOUT(samples.count() >= 5, 5000);
    QCOMPARE(samples.first().at(1).toInt(), 3);
    board.stopStreaming();
    pty.closeMaster(); // the virtual board exits
    QTRY_COMPARE_WITH_TIMEOUT(disconnected.count(), 1, 6000);
    QTRY_COMPARE(link.state(), LinkState::Reconnecting);
  }
};

QTEST_GUILESS_MAIN(TestLinkSerial)
#include "test_link_serial.moc"
