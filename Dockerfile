# Builds the application from this repository and runs it on a JRE. Used by docker-compose.yml.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY processes processes
COPY forms forms
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre
ENV TZ=Europe/London
RUN useradd --system --home /app ehc
WORKDIR /app
COPY --from=build /src/target/ehc-flow-*.jar /app/ehc-flow.jar
USER ehc
EXPOSE 8080
ENTRYPOINT ["java", "-Duser.timezone=Europe/London", "-jar", "/app/ehc-flow.jar"]
