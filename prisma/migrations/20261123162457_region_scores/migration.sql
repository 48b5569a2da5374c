-- AlterTable
ALTER TABLE "Declaration" ADD COLUMN     "associationScore" DECIMAL(8,2),
ADD COLUMN     "satisfactionScore" DECIMAL(8,2);
