# A minimal image of Cause Atlas: one app process on port 8501. Run several replicas behind
# a proxy with session affinity for a whole school (README, "Hosting it"). Not built in CI:
# no Docker engine runs there.
FROM python:3.11-slim
# Chromium draws the charts offered as PNG/SVG downloads (kaleido); the app runs without it.
RUN apt-get update && apt-get install -y --no-install-recommends chromium && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY app.py ./
COPY .streamlit .streamlit
COPY assets assets
COPY causes causes
COPY data data
COPY pages pages
RUN useradd --create-home atlas
USER atlas
EXPOSE 8501
HEALTHCHECK CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health')"
CMD ["python", "-m", "streamlit", "run", "app.py", "--server.port", "8501", "--server.address", "0.0.0.0"]
