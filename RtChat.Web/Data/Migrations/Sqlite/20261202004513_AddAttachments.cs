using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RtChat.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddAttachments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Attachments",
                columns: table => new
                {
                    MessageId = table.Column<long>(type: "INTEGER", nullable: false),
                    FileKey = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 121, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: true),
                    Height = table.Column<int>(type: "INTEGER", nullable: true),
                    ThumbnailKey = table.Column<string>(type: "TEXT", maxLength: 48, nullable: true),
                    ThumbnailWidth = table.Column<int>(type: "INTEGER", nullable: true),
                    ThumbnailHeight = table.Column<int>(type: "INTEGER", nullable: true),
                    WasAnimated = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Attachments", x => x.MessageId);
                    table.ForeignKey(
                        name: "FK_Attachments_Messages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "Messages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DeletedFiles",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FileKey = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeletedFiles", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Attachments_FileKey",
                table: "Attachments",
                column: "FileKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Attachments_ThumbnailKey",
                table: "Attachments",
                column: "ThumbnailKey",
                unique: true);

            // A deleted attachment's files are queued in the deleting transaction, however the row goes (a message,
            // a room or an account deleted, cascades included); FileReaper removes them from disk.
            migrationBuilder.Sql(@"
CREATE TRIGGER Attachments_QueueFileDeletion AFTER DELETE ON Attachments
BEGIN
    INSERT INTO DeletedFiles (FileKey) VALUES (OLD.FileKey);
    INSERT INTO DeletedFiles (FileKey) SELECT OLD.ThumbnailKey WHERE OLD.ThumbnailKey IS NOT NULL;
END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Attachments_QueueFileDeletion;");

            migrationBuilder.DropTable(
                name: "Attachments");

            migrationBuilder.DropTable(
                name: "DeletedFiles");
        }
    }
}
