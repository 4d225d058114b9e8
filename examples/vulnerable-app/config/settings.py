# Application settings for the deliberately vulnerable example app.
#
# Every credential below is FAKE, for scanner tests. None of them has ever been
# issued by AWS, GitHub or anyone else; they only have the *shape* of real
# credentials so that Gitleaks, Trivy and Checkov report them.

DATABASE_PATH = "app.db"

# FAKE, for scanner tests: hard-coded framework secret.
SECRET_KEY = "fake-django-secret-key-for-scanner-tests-only"

# FAKE, for scanner tests: AWS-shaped access key pair (not an AWS key).
AWS_ACCESS_KEY_ID = "AKIA2SCANFOLDFAKE7QZ"
AWS_SECRET_ACCESS_KEY = "FAKE/scanfold/secret/key/NOT+a+real+one0"

# FAKE, for scanner tests: GitHub personal-access-token-shaped string.
GITHUB_TOKEN = "ghp_FakeTokenForScannerTestsNotReal01234"
