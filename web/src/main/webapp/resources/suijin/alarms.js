/* The alarm banner's push: refreshes the banner (and the alarm list, on its page) when told an alarm
   changed, and plays a short tone for a new alarm when the user switched the sound on (kept in this
   browser's localStorage). */
var Suijin = window.Suijin || {};
window.Suijin = Suijin;
Suijin.alarms = (function () {
    var KEY = "suijin.alarmSound";
    var audio = null;

    function soundOn() {
        try {
            return window.localStorage.getItem(KEY) === "on";
        } catch (e) {
            return false;
        }
    }

    function tone() {
        var Context = window.AudioContext || window.webkitAudioContext;
        if (!Context) {
            return;
        }
        audio = audio || new Context();
        if (audio.state === "suspended") {
            audio.resume(); // browsers start audio only after the user touched the page
        }
        var now = audio.currentTime;
        var oscillator = audio.createOscillator();
        var gain = audio.createGain();
        oscillator.type = "sine";
        oscillator.frequency.setValueAtTime(880, now);
        oscillator.frequency.setValueAtTime(660, now + 0.25);
        gain.gain.setValueAtTime(0.2, now);
        gain.gain.exponentialRampToValueAtTime(0.001, now + 0.6);
        oscillator.connect(gain);
        gain.connect(audio.destination);
        oscillator.start(now);
        oscillator.stop(now + 0.6);
    }

    document.addEventListener("DOMContentLoaded", function () {
        var box = document.getElementById("alarm-sound");
        if (box) {
            box.checked = soundOn();
        }
    });

    // whether the banner is live, on the page itself (data-alarm-push on <html>): open, reconnecting
    // (OmniFaces retries by itself) or closed (session over, or retrying gave up); what support and
    // the browser tests look at
    function live(state) {
        document.documentElement.setAttribute("data-alarm-push", state);
    }

    function refresh() {
        if (window.refreshAlarmBanner) {
            window.refreshAlarmBanner();
        }
        if (window.refreshAlarmList) {
            window.refreshAlarmList();
        }
    }

    // a push sent while the socket is down is lost, and OmniFaces does not tell when its retry
    // succeeded: from an interruption until the next push arrives, the banner is read every few seconds
    var POLL_MS = 10000;
    var poll = null;

    function polling(on) {
        if (on && poll === null) {
            poll = window.setInterval(refresh, POLL_MS);
        } else if (!on && poll !== null) {
            window.clearInterval(poll);
            poll = null;
        }
    }

    return {
        opened: function () {
            live("open");
        },
        interrupted: function () {
            live("reconnecting");
            polling(true);
        },
        closed: function () {
            live("closed");
            polling(false);
        },
        signal: function (message) {
            live("open"); // OmniFaces tells of the first open only, so a message is what shows a reconnect worked
            polling(false);
            if (message === "RAISED" && soundOn()) {
                tone();
            }
            refresh();
        },
        toggleSound: function (box) {
            try {
                window.localStorage.setItem(KEY, box.checked ? "on" : "off");
            } catch (e) {
                // private mode without storage: the choice lasts for this page only
            }
            if (box.checked) {
                tone();
            }
        }
    };
})();
