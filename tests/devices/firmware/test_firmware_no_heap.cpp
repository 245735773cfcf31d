// FirmwareApp allocates nothing after init(): a whole session (handshake, stream, events,
// on-board learning, model push, activation, pull, garbage, reset) runs with malloc counted
// inside poll(). glibc lets a program replace malloc; we forward to its internals.

#include <QtTest>

#include <atomic>

#include "app_harness.h"
#include "core/crc32.h"

#include "tests/support/malloc_counter.h"

using namespace dlm;
using namespace dlm::firmware;
using namespace dlm::firmware::test;
using protocol::AckCode;

class TestFirmwareNoHeap : public QObject {
  Q_OBJECT
private slots:
  void pollNeverAllocates() {
    AppHarness h;
    h.port.keepLogs = false;
    h.port.tx.reserve(1u << 20);  // the fake UART's own buffer must not grow while counting
    h.aroundPoll = [](bool entering) { g_counting = entering; };
    g_allocations = 0;

    protocol::Hello hello;
    QVERIFY(h.handshake(hello));
    std::vector<protocol::Event> events;
    for (std::uint8_t g = 0; g < MotionSource::kKnownGestures; ++g) {
      protocol::Event e;
      QVERIFY(h.gestureEvent(g, e));
      QCOMPARE(h.labelEvent(e.eventId, g).code, AckCode::Ok);
      events.push_back(e);
    }
    protocol::BoardStatus s;
    QVERIFY(h.status(s));  // identity of the learned model: serialization into staging
    const Bytes pulled = h.pull();
    QVERIFY(!pulled.empty());
    QCOMPARE(h.push(pulled, crc32(pulled.data(), pulled.size())).code, AckCode::Ok);
    QCOMPARE(h.pull(), pulled);
    h.sendBytes(Bytes{1, 2, 3, 0, 7, 7, 0});
    protocol::Command reset;
    reset.id = protocol::CommandId::Reset;
    QCOMPARE(h.command(reset).code, AckCode::Ok);
    QVERIFY(h.handshake(hello));
    QCOMPARE(hello.modelCrc, s.modelCrc);  // the pushed model, booted from storage
    h.step(500);

    h.aroundPoll = nullptr;
    g_counting = false;
    QCOMPARE(g_allocations.load(), 0L);
    // And the counter does count.
    g_counting = true;
    void* volatile probe = malloc(16);
    g_counting = false;
    free(probe);
    QCOMPARE(g_allocations.load(), 1L);
  }
};

QTEST_GUILESS_MAIN(TestFirmwareNoHeap)
#include "test_firmware_no_heap.moc"
