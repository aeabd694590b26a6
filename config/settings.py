"""Settings, read from the environment.

With no environment at all the platform runs on embedded defaults: SQLite and media under
``var/``, an in-memory channel layer and Celery tasks executed in-process after commit.
Production sets ``DATABASE_URL``, ``REDIS_URL``, ``ELASTICSEARCH_URL``, ``SECRET_KEY`` and
``ALLOWED_HOSTS``, and refuses to start without ``SECRET_KEY`` once ``DATABASE_URL`` or
``REDIS_URL`` is set. ``DEBUG`` is off unless ``DEBUG=1`` is given.
"""

import contextlib
import os
import secrets
import tempfile
from datetime import timedelta
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
env = environ.Env()
if (BASE_DIR / ".env").exists():
    environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

VAR_DIR = Path(env("VAR_DIR", default=str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env.bool("DEBUG", default=False)
# Lower case: the URL may carry a password, and only upper-case names become settings.
database_url = env("DATABASE_URL", default="")
REDIS_URL = env("REDIS_URL", default="")
# The embedded setup is the platform with no service configured (SQLite and files under var/,
# tasks in-process): `make run`, `make test`, .ci/run on SQLite, a developer's checkout. Production
# names its database and its broker, and then has to bring its own secret key too.
embedded = not database_url and not REDIS_URL


def _embedded_secret_key() -> str:
    """Return the key kept in ``var/secret_key``, creating it on first use.

    The key is generated on the machine, never committed, and only for the embedded setup or
    with ``DEBUG`` on; production passes ``SECRET_KEY``.
    """
    path = VAR_DIR / "secret_key"
    if not path.exists():
        # Written aside, readable by the owner only, then linked into place: processes that
        # start together (daphne and run_periodic) all end up with the one complete key.
        with tempfile.NamedTemporaryFile("w", dir=VAR_DIR, prefix=".secret_key.") as draft:
            draft.write(secrets.token_urlsafe(50))
            draft.flush()
            with contextlib.suppress(FileExistsError):
                os.link(draft.name, path)
    return path.read_text().strip()


SECRET_KEY = env("SECRET_KEY", default="")
if not SECRET_KEY:
    if not (embedded or DEBUG):
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. With DATABASE_URL or REDIS_URL set and DEBUG off the "
            "platform runs as in production and needs its own key: set SECRET_KEY in the "
            "environment (or .env) to a long random value, e.g. the output of "
            "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`, and keep it "
            "the same across restarts and processes. Only the embedded setup (neither "
            "DATABASE_URL nor REDIS_URL set) generates one, into var/secret_key."
        )
    SECRET_KEY = _embedded_secret_key()
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "daphne",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "django_htmx",
    "channels",
    "csp",
    "axes",
    "reference",
    "accounts",
    "catalog",
    "challenges",
    "directories",
    "campaigns",
    "centres",
    "verification",
    "docking",
    "chains",
    "notifications",
    "search",
    "portal",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "config.middleware.ChineseFirstLocaleMiddleware",
    "config.middleware.RejectNulCharactersMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its own response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
FORM_RENDERER = "config.forms.PlatformFormRenderer"
ASGI_APPLICATION = "config.asgi.application"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "accounts.context_processors.current_membership",
                "notifications.context_processors.unread_notifications",
            ],
        },
    },
]

# Database: SQLite under var/ unless DATABASE_URL says otherwise.
DATABASES = {
    "default": env.db_url_config(database_url or f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers run beside the writer; IMMEDIATE takes the write lock at BEGIN so
    # two writers queue on busy_timeout instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )
else:
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
    DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
# django-axes counts failed logins per login name and address: after AXES_FAILURE_LIMIT
# failures that pair waits AXES_COOLOFF_TIME, so a guesser is slowed to a crawl while the
# rest of the office (other names, other addresses) logs in as usual. Nobody is locked out
# for good.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
# An attempt during the cool-off does not restart it: whoever keeps retrying still gets in
# once the period is over.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# Behind a proxy (AXES_PROXY_COUNT > 0) the client's address is read from X-Forwarded-For,
# counting that many proxies from the right; otherwise only REMOTE_ADDR counts, so a forged
# header changes nothing.
AXES_IPWARE_PROXY_COUNT = env.int("AXES_PROXY_COUNT", default=0)
if AXES_IPWARE_PROXY_COUNT:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
AXES_VERBOSE = False
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "portal:dashboard"
LOGOUT_REDIRECT_URL = "portal:home"

# Internationalisation: Chinese first, English one click away.
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(VAR_DIR / "media")))
# Serve the public media (logos, product photos) from the platform itself: the embedded
# setup does; production leaves it to the proxy or object storage.
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=False)
PRIVATE_MEDIA_ROOT = Path(env("PRIVATE_MEDIA_ROOT", default=str(VAR_DIR / "private")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG
# A request body without its files (form fields) above this is refused; every text field
# has its own, much smaller, limit with a message (tests/test_text_limits.py).
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

ELASTICSEARCH_URL = env("ELASTICSEARCH_URL", default="")
ELASTICSEARCH_INDEX_PREFIX = env("ELASTICSEARCH_INDEX_PREFIX", default="zjtx")
SEARCH_INDEX_DIR = Path(env("SEARCH_INDEX_DIR", default=str(VAR_DIR / "search")))
# Drain the search outbox right after each commit (a task; in-process without a broker).
SEARCH_INDEX_ON_COMMIT = env.bool("SEARCH_INDEX_ON_COMMIT", default=True)

if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": [REDIS_URL]},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}

# Celery: a Redis broker in production; without one, tasks run in-process. Services enqueue
# tasks with transaction.on_commit, so "eager" still means "after commit" and a rolled-back
# transaction enqueues nothing.
#
# No work is lost, and doing it twice is harmless: every task takes ids and re-reads the
# state it works on (an import's status, the outbox rows), so running it again after a crash
# finds the work done, or redoes what never committed. Hence:
# - acks_late: the message is acknowledged after the task ran, not when it was received, so
#   a worker that dies mid-task leaves it on the broker to be delivered again;
# - reject_on_worker_lost: a pool process killed mid-task (OOM, SIGKILL) puts the message
#   back at once instead of acknowledging it as failed;
# - prefetch 1: a worker reserves only the task it runs, so a crash strands nothing else and
#   a long task does not hold back the queue behind it;
# - acks_on_failure_or_timeout (Celery's default, kept on purpose): a task that raised is
#   acknowledged. Transient failures never get there: the platform's task class
#   (config/celery.py) retries them with backoff and jitter, publishing the retry before the
#   old message is acknowledged. What still raises is a bug or a refusal that would fail the
#   same way again; on Redis a rejected message is dropped anyway (no dead-letter queue), so
#   turning this off would only hide the failure, and requeueing it would loop forever;
# - the visibility timeout: Redis has no real acknowledgements, so a message a worker took
#   and has not acknowledged is handed out again once this many seconds have passed. It must
#   be longer than any countdown or ETA (the longest is the retries' 600 s cap; a worker
#   holds an ETA task unacknowledged until it runs) and longer than the longest task, or a
#   task still waiting or running would be delivered a second time. It is also how long a
#   task of a worker killed outright (SIGKILL, a lost machine) waits before another worker
#   runs it. Tests shorten it (CELERY_VISIBILITY_TIMEOUT=5).
# - cancel long-running tasks on connection loss: their messages are redelivered once the
#   broker is back, and an acknowledgement can no longer reach it; stopping them avoids
#   running the same task twice at the same time.
CELERY_BROKER_URL = REDIS_URL or "memory://localhost/"
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_TASK_ACKS_ON_FAILURE_OR_TIMEOUT = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600)
}
CELERY_WORKER_CANCEL_LONG_RUNNING_TASKS_ON_CONNECTION_LOSS = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = TIME_ZONE

# Content-Security-Policy: scripts and styles only from our own static files, so markup a
# user smuggled into a page (or a mistake in a template) cannot run script. No inline
# script or style attribute anywhere; htmx is told not to evaluate attributes either.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
# Behind HTTPS in production: secure cookies, redirect to HTTPS, HSTS, trust the proxy's header.
SESSION_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=False)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=False)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
if env.bool("BEHIND_TLS_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

EMAIL_BACKEND = env(
    "EMAIL_BACKEND",
    default="django.core.mail.backends.console.EmailBackend",
)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="noreply@zjtx.example.cn")
# The platform's address as users reach it, for the links in mails sent outside a request.
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    # Celery reports every task run at INFO; the platform's own logs say what matters.
    "loggers": {
        "celery": {"level": env("CELERY_LOG_LEVEL", default="WARNING")},
        # django-axes logs every successful login at INFO; lock-outs are WARNING.
        "axes": {"level": env("AXES_LOG_LEVEL", default="WARNING")},
    },
}

# The platform's own limits.
IMAGE_MAX_BYTES = 8 * 1024 * 1024
IMAGE_MAX_PIXELS = 24_000_000
IMAGE_THUMBNAIL_SIZE = (480, 480)
DOCUMENT_MAX_BYTES = 20 * 1024 * 1024
SITE_NAME = _("SRDI Open Call & Matchmaking Platform")
