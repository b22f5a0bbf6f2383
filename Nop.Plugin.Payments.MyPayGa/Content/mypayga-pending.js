/* MyPayGa pending page: polls the order's status every few seconds and follows it, without reloading the page. */
(function () {
    'use strict';

    var box = document.getElementById('mypayga-status');
    // A final state is not polled, except a failure whose reason MyPayGa has not sent yet.
    if (!box || !window.fetch
        || (box.getAttribute('data-final') === 'true' && box.getAttribute('data-awaiting-reason') !== 'true')) {
        return;
    }

    var statusUrl = box.getAttribute('data-status-url');
    var interval = parseInt(box.getAttribute('data-interval-ms'), 10) || 3000;
    var maxMs = (parseInt(box.getAttribute('data-max-seconds'), 10) || 600) * 1000;
    var elapsedAtLoad = parseInt(box.getAttribute('data-elapsed-seconds'), 10) || 0;
    var loadedAt = Date.now();

    var message = box.querySelector('[data-role=message]');
    var spinner = box.querySelector('[data-role=spinner]');
    var elapsedLine = box.querySelector('[data-role=elapsed-line]');
    var elapsed = box.querySelector('[data-role=elapsed]');
    var retry = box.querySelector('[data-role=retry]');
    var checkNow = box.querySelector('[data-role=check-now]');
    var noPrompt = document.querySelector('[data-role=no-prompt]');
    var pageTitle = document.querySelector('[data-role=page-title]');
    var instructions = document.querySelector('[data-role=instructions]');

    var timer = null;
    var clock = null;
    var busy = false;
    var stopped = false;
    // After a failure: a few more polls for MyPayGa's reason, which its callback usually brings a moment later.
    var finalShown = box.getAttribute('data-final') === 'true';
    var reasonPollsLeft = 5;

    function pad(n) {
        return n < 10 ? '0' + n : String(n);
    }

    function showElapsed() {
        var seconds = elapsedAtLoad + Math.floor((Date.now() - loadedAt) / 1000);
        elapsed.textContent = Math.floor(seconds / 60) + ':' + pad(seconds % 60);
    }

    function stop(text, keepCheckNow) {
        stopped = true;
        clearTimeout(timer);
        clearInterval(clock);
        if (spinner) { spinner.hidden = true; }
        if (elapsedLine) { elapsedLine.hidden = true; }
        if (noPrompt) { noPrompt.hidden = true; }
        if (checkNow) { checkNow.hidden = !keepCheckNow; }
        if (text) { message.textContent = text; }
    }

    function apply(status) {
        if (!status || typeof status.state !== 'string') {
            return false;
        }
        box.setAttribute('data-state', status.state);
        if (status.message && message.textContent !== status.message) {
            message.textContent = status.message;
        }
        if (status.redirectUrl) {
            stop(status.message, false);
            window.location.assign(status.redirectUrl);
            return true;
        }
        if (status.final) {
            showFinal(status);
            if (status.awaitingReason && reasonPollsLeft > 0) {
                return false;
            }
            stop(status.message, false);
            return true;
        }
        return false;
    }

    function showFinal(status) {
        finalShown = true;
        clearInterval(clock);
        // "Confirm the payment on your phone" no longer holds: the heading and the text say what happened.
        if (pageTitle && typeof status.title === 'string' && status.title) {
            var oldTitle = (pageTitle.textContent || '').trim();
            if (oldTitle && document.title) { document.title = document.title.replace(oldTitle, status.title); }
            pageTitle.textContent = status.title;
        }
        if (instructions && typeof status.instructions === 'string') {
            instructions.textContent = status.instructions;
            instructions.hidden = !status.instructions;
        }
        if (spinner) { spinner.hidden = true; }
        if (elapsedLine) { elapsedLine.hidden = true; }
        if (noPrompt) { noPrompt.hidden = true; }
        if (checkNow) { checkNow.hidden = true; }
        if (retry && status.retryUrl) {
            retry.setAttribute('href', status.retryUrl);
            retry.hidden = false;
        }
    }

    function schedule() {
        if (stopped) { return; }
        if (finalShown) {
            if (reasonPollsLeft <= 0) {
                stop(null, false);
                return;
            }
            reasonPollsLeft -= 1;
        } else if (Date.now() - loadedAt >= maxMs) {
            // Stop asking; "Check now" (a plain reload) stays available.
            stop(box.getAttribute('data-timeout-message'), true);
            return;
        }
        timer = setTimeout(poll, interval);
    }

    function poll() {
        if (stopped || busy) { return; }
        busy = true;
        fetch(statusUrl, { credentials: 'same-origin', cache: 'no-store', headers: { 'Accept': 'application/json' } })
            .then(function (response) {
                if (response.status === 404 || response.status === 403) {
                    // Signed out, or the order is not visible any more: polling cannot help; a reload explains.
                    stop(null, true);
                    return null;
                }
                return response.ok ? response.json() : null;
            })
            .then(function (status) {
                busy = false;
                if (!stopped && !apply(status)) { schedule(); }
            })
            .catch(function () {
                // A network hiccup (phone switching networks...): keep trying until the time limit.
                busy = false;
                schedule();
            });
    }

    if (checkNow) {
        // "Check now" is for browsers without JavaScript: this page checks by itself. It comes back when the script
        // stops asking (time limit, lost session), as a plain reload.
        checkNow.hidden = true;
        checkNow.addEventListener('submit', function (event) {
            if (stopped) { return; } // after the time limit: a real reload
            event.preventDefault();
            clearTimeout(timer);
            poll();
        });
    }

    if (elapsed && !finalShown) {
        clock = setInterval(showElapsed, 1000);
    }
    schedule();
})();
