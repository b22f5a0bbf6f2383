/* MyPayGa retry page: while an earlier Mobile Money request may still be approved, counts down to the end of its window
   and keeps "Pay now" disabled until then (the server refuses an earlier post anyway). */
(function () {
    'use strict';

    var box = document.querySelector('[data-role=push-wait]');
    if (!box) {
        return;
    }

    var seconds = parseInt(box.getAttribute('data-seconds'), 10) || 0;
    var countdown = box.querySelector('[data-role=countdown]');
    var waiting = box.querySelector('[data-role=waiting]');
    var ready = box.querySelector('[data-role=ready]');
    var submit = document.querySelector('[data-role=retry-submit]');
    var endsAt = Date.now() + seconds * 1000;
    var clock = null;

    function pad(n) {
        return n < 10 ? '0' + n : String(n);
    }

    function done() {
        if (clock) { clearInterval(clock); }
        if (waiting) { waiting.hidden = true; }
        if (ready) { ready.hidden = false; }
        if (submit) { submit.disabled = false; }
    }

    function tick() {
        var left = Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
        if (countdown) { countdown.textContent = Math.floor(left / 60) + ':' + pad(left % 60); }
        if (left <= 0) { done(); }
    }

    if (seconds <= 0) {
        done();
        return;
    }

    if (submit) { submit.disabled = true; }
    tick();
    clock = setInterval(tick, 1000);
})();
