# Deliberately insecure Terraform used by Scanfold's end-to-end tests.
# DO NOT APPLY.

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

# Hard-coded provider credentials.
# FAKE, for scanner tests: AWS-shaped key pair, never issued by AWS.
provider "aws" {
  region     = "us-east-1"
  access_key = "AKIA3SCANFOLDFAKE4QZ"
  secret_key = "FAKE/scanfold/tf/secret/NOT+a+real+key00"
}

# Public-read bucket, no encryption, no versioning, no logging, no public access block.
resource "aws_s3_bucket" "uploads" {
  bucket = "scanfold-example-uploads"
}

resource "aws_s3_bucket_acl" "uploads" {
  bucket = aws_s3_bucket.uploads.id
  acl    = "public-read"
}

# SSH (22) and everything else open to the whole internet.
resource "aws_security_group" "web" {
  name        = "scanfold-example-web"
  description = "web server"

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    from_port   = 0
    to_port     = 65535
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# Unencrypted root volume, IMDSv1 allowed, public IP.
resource "aws_instance" "web" {
  ami                         = "ami-0123456789abcdef0"
  instance_type               = "t3.micro"
  associate_public_ip_address = true
  vpc_security_group_ids      = [aws_security_group.web.id]

  root_block_device {
    encrypted = false
  }
}
