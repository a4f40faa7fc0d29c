"""A tiny async service: an in-memory user store and a token-bucket rate limiter."""

from .limiter import RateLimiter as RateLimiter
from .limiter import RateLimitExceeded as RateLimitExceeded
from .store import DuplicateUser as DuplicateUser
from .store import User as User
from .store import UserNotFound as UserNotFound
from .store import UserStore as UserStore

__all__ = ["DuplicateUser", "RateLimitExceeded", "RateLimiter", "User", "UserNotFound", "UserStore"]
